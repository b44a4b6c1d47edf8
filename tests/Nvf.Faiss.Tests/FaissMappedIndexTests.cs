using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

/// <summary>An IVF index read with its lists memory-mapped (<see cref="FaissIndex.ReadMapped"/>) answers as the index read whole.</summary>
public sealed class FaissMappedIndexTests : IDisposable
{
    private const int D = 24;
    private readonly string _dir = Directory.CreateTempSubdirectory("nvf-faiss-mapped-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // An IVF-Flat inner-product index over data with the given lists, written to a file.
    private string WriteIvf(float[] data, int lists)
    {
        var path = Path.Combine(_dir, $"ivf-{lists}.faiss");
        using var ivf = FaissIndex.CreateIvfFlat(D, lists, FaissMetric.InnerProduct);
        ivf.Train(data, D);
        ivf.Add(data, D);
        ivf.Write(path);
        return path;
    }

    [Fact]
    public void A_mapped_ivf_index_finds_what_the_index_read_whole_finds()
    {
        var data = TestVectors.Unit(3_000, D, 5);
        var path = WriteIvf(data, 16);

        using var whole = FaissIndex.Read(path);
        using var mapped = FaissIndex.ReadMapped(path);
        whole.Nprobe = mapped.Nprobe = 4;

        mapped.IsMapped.Should().BeTrue();
        whole.IsMapped.Should().BeFalse();
        mapped.Count.Should().Be(3_000);
        mapped.ListCount.Should().Be(16);
        var (a, b) = (mapped.Search(data, D, 10), whole.Search(data, D, 10));
        a.Ids.Should().Equal(b.Ids);
        a.Scores.Should().Equal(b.Scores);
    }

    [Fact]
    public void Adding_to_a_mapped_index_fails_with_a_message_not_a_crash()
    {
        var data = TestVectors.Unit(1_000, D, 6);
        var path = WriteIvf(data, 8);

        using var mapped = FaissIndex.ReadMapped(path);
        var act = () => mapped.Add(data.AsSpan(0, 10 * D), D);

        act.Should().Throw<FaissException>();
        mapped.Count.Should().Be(1_000);
    }

    [Fact]
    public void A_flat_index_has_no_lists_to_map_and_is_read_whole()
    {
        var data = TestVectors.Unit(200, D, 7);
        var path = Path.Combine(_dir, "flat.faiss");
        using (var flat = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct))
        {
            flat.Add(data, D);
            flat.Write(path);
        }

        using var read = FaissIndex.ReadMapped(path);

        read.IsMapped.Should().BeFalse();
        read.Search(data, D, 1).Ids.Should().Equal(Enumerable.Range(0, 200).Select(i => (long)i));
    }
}
