using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

public class FaissIndexSearchTests
{
    private const int D = 32;

    [Theory]
    [InlineData(FaissMetric.InnerProduct)]
    [InlineData(FaissMetric.L2)]
    public void Flat_search_matches_brute_force_ids_and_scores(FaissMetric metric)
    {
        var data = TestVectors.Unit(500, D, 1);
        var queries = TestVectors.Unit(20, D, 2);
        using var index = FaissIndex.CreateFlat(D, metric);
        index.Add(data, D);

        var (ids, scores) = index.Search(queries, D, 5);

        ids.Should().HaveCount(20 * 5);
        for (var q = 0; q < 20; q++)
        {
            var (expectedIds, expectedScores) = TestVectors.BruteForce(data, D, queries.AsSpan(q * D, D), 5, metric);
            ids.AsSpan(q * 5, 5).ToArray().Should().Equal(expectedIds);
            for (var r = 0; r < 5; r++)
                ((double)scores[q * 5 + r]).Should().BeApproximately(expectedScores[r], 1e-5);
        }
    }

    [Fact]
    public void Flat_reports_dimension_count_metric_and_is_trained()
    {
        using var index = FaissIndex.CreateFlat(D, FaissMetric.L2);
        index.Add(TestVectors.Unit(7, D, 3), D);

        index.Dimension.Should().Be(D);
        index.Count.Should().Be(7);
        index.Metric.Should().Be(FaissMetric.L2);
        index.IsTrained.Should().BeTrue();
        index.ListCount.Should().Be(0);
    }

    [Theory]
    [InlineData(FaissMetric.InnerProduct)]
    [InlineData(FaissMetric.L2)]
    public void Ivf_flat_trains_adds_and_with_every_list_probed_equals_exact_search(FaissMetric metric)
    {
        var data = TestVectors.Unit(2000, D, 4);
        var queries = TestVectors.Unit(30, D, 5);
        using var ivf = FaissIndex.CreateIvfFlat(D, 16, metric);
        using var flat = FaissIndex.CreateFlat(D, metric);
        flat.Add(data, D);

        ivf.IsTrained.Should().BeFalse();
        ivf.Train(data, D);
        ivf.IsTrained.Should().BeTrue();
        ivf.Add(data, D);
        ivf.Count.Should().Be(2000);
        ivf.ListCount.Should().Be(16);
        ivf.Nprobe.Should().Be(1, "FAISS's default");
        ivf.Nprobe = 16;
        ivf.Nprobe.Should().Be(16);

        ivf.Search(queries, D, 10).Ids.Should().Equal(flat.Search(queries, D, 10).Ids);
    }

    [Fact]
    public void Index_factory_builds_what_the_description_says()
    {
        var data = TestVectors.Unit(1000, D, 6);
        using var index = FaissIndex.Create(D, "IVF8,Flat", FaissMetric.InnerProduct);
        index.ListCount.Should().Be(8);
        index.Train(data, D);
        index.Add(data, D);
        index.Nprobe = 8;

        var result = index.Search(data.AsSpan(0, 3 * D), D, 1);

        result.Ids.Should().Equal(0L, 1L, 2L);
        using var hnsw = FaissIndex.Create(D, "HNSW16", FaissMetric.L2);
        hnsw.ListCount.Should().Be(0);
        hnsw.Add(data, D);
        hnsw.Search(data.AsSpan(5 * D, D), D, 1).Ids.Should().Equal(5L);
    }

    [Fact]
    public void Id_map_returns_the_callers_ids_and_ivf_accepts_ids_natively()
    {
        var data = TestVectors.Unit(300, D, 7);
        var ids = Enumerable.Range(0, 300).Select(i => 1_000_000L + 7 * i).ToArray();
        var inner = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        using var map = FaissIndex.WithIds(inner);
        map.Add(data, D, ids);
        using var ivf = FaissIndex.CreateIvfFlat(D, 4, FaissMetric.InnerProduct);
        ivf.Train(data, D);
        ivf.Add(data, D, ids);
        ivf.Nprobe = 4;

        map.Search(data.AsSpan(42 * D, D), D, 1).Ids.Should().Equal(ids[42]);
        ivf.Search(data.AsSpan(42 * D, D), D, 1).Ids.Should().Equal(ids[42]);
        map.Count.Should().Be(300);
        FluentActions.Invoking(() => inner.Count).Should().Throw<ObjectDisposedException>("the map owns the inner index now");
    }

    [Fact]
    public void Missing_results_come_back_as_minus_one_with_nan_scores_after_the_found_ones()
    {
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        index.Add(TestVectors.Unit(3, D, 8), D);

        var result = index.Search(TestVectors.Unit(2, D, 9), D, 5);

        for (var q = 0; q < 2; q++)
        {
            result.FoundCount(q).Should().Be(3);
            result.IdsOf(q)[3..].ToArray().Should().Equal(-1L, -1L);
            result.ScoresOf(q)[3..].ToArray().Should().OnlyContain(s => float.IsNaN(s));
            result.ScoresOf(q)[..3].ToArray().Should().OnlyContain(s => float.IsFinite(s));
            result.IdsOf(q)[..3].ToArray().Should().BeEquivalentTo(new long[] { 0, 1, 2 });
        }
    }

    [Fact]
    public void Runtime_reports_the_debian_faiss_version_and_thread_count()
    {
        FaissRuntime.Version.Should().Be("1.7.3");
        FaissRuntime.ThreadCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_missing_shim_becomes_one_message_naming_library_path_and_install_command()
    {
        var cause = new DllNotFoundException("libnvf_faiss.so: cannot open shared object file");

        var error = FaissNativeLibrary.NotLoadable("/opt/app/libnvf_faiss.so", cause);

        error.Message.Should().Contain("libnvf_faiss.so").And.Contain("/opt/app/libnvf_faiss.so")
            .And.Contain("cannot open shared object file").And.Contain("sudo apt-get install libfaiss-dev");
        error.InnerException.Should().BeSameAs(cause);
    }

    [Fact]
    public void OpenMp_waits_passively_unless_the_user_chose_a_policy()
    {
        var chosen = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        var spin = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");

        FaissRuntime.OpenMpWaitPolicy.Should().Be(chosen ?? (spin is null ? "PASSIVE" : $"GOMP_SPINCOUNT={spin}"));
    }
}
