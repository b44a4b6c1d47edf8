using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

/// <summary>Counts native indexes process-wide, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(NativeLeakCollection), DisableParallelization = true)]
public class NativeLeakCollection;

[Collection(nameof(NativeLeakCollection))]
public class FaissOwnershipTests
{
    private const int D = 16;

    [Fact]
    public void Every_kind_of_index_is_freed_exactly_once_on_dispose()
    {
        var before = FaissRuntime.LiveIndexCount;
        var data = TestVectors.Unit(200, D, 1);
        var path = Path.Combine(Path.GetTempPath(), $"nvf-own-{Guid.NewGuid():N}.faiss");
        try
        {
            for (var round = 0; round < 3; round++)
            {
                var flat = FaissIndex.CreateFlat(D, FaissMetric.L2);
                var ivf = FaissIndex.CreateIvfFlat(D, 4, FaissMetric.InnerProduct);
                var factory = FaissIndex.Create(D, "IDMap,IVF4,Flat", FaissMetric.L2);
                var map = FaissIndex.WithIds(FaissIndex.CreateFlat(D, FaissMetric.L2));
                ivf.Train(data, D);
                ivf.Add(data, D);
                ivf.Write(path);
                var read = FaissIndex.Read(path);
                FaissRuntime.LiveIndexCount.Should().Be(before + 5, "flat, ivf, factory, map (owning its inner) and read are live");
                foreach (var index in new[] { flat, ivf, factory, map, read })
                {
                    index.Dispose();
                    index.Dispose();
                }
                FaissRuntime.LiveIndexCount.Should().Be(before);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_ivf_index_keeps_its_quantizer_alive_through_garbage_collection()
    {
        var data = TestVectors.Unit(400, D, 2);
        using var ivf = FaissIndex.CreateIvfFlat(D, 8, FaissMetric.L2);
        ivf.QuantizerCount.Should().Be(0);
        ivf.Train(data, D);
        ivf.Add(data, D);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        ivf.QuantizerCount.Should().Be(8, "the quantizer holds one centroid per list");
        ivf.Nprobe = 8;
        ivf.Search(data.AsSpan(9 * D, D), D, 1).Ids.Should().Equal(9L);
    }

    [Fact]
    public void A_disposed_index_refuses_use()
    {
        var index = FaissIndex.CreateFlat(D, FaissMetric.L2);
        index.Dispose();

        FluentActions.Invoking(() => index.Add(TestVectors.Unit(1, D, 3), D)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => index.Count).Should().Throw<ObjectDisposedException>();
    }
}
