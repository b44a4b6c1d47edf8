using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Faiss;
using Xunit;

namespace Nvf.Core.Tests.Index;

public sealed class SpillingIndexCacheTests
{
    const int D = 32;

    static FaissIndex Build(VectorSet vectors, ulong seed)
    {
        var index = FaissIndex.CreateIvfFlat(D, 16, FaissMetric.InnerProduct);
        IvfFlatBuilder.TrainAndAdd(index, vectors, 16 * 40, seed, 0, null);
        index.Nprobe = 4;
        return index;
    }

    [Fact]
    public void An_index_set_aside_reads_back_with_the_same_answers_and_is_built_only_once()
    {
        var vectors = RandomUnitVectors.Generate(2_000, D, seed: 1);
        var queries = RandomUnitVectors.Generate(50, D, seed: 2).Data;
        var builds = 0;
        using var cache = new SpillingIndexCache<string>();

        var first = cache.Get("a", () => { builds++; return Build(vectors, 3); });
        var before = first.Search(queries, D, 10);
        cache.Get("b", () => { builds++; return Build(vectors, 4); });
        var again = cache.Get("a", () => { builds++; return Build(vectors, 3); });
        var after = again.Search(queries, D, 10);

        builds.Should().Be(2, "'a' is read back from its spill file, not rebuilt");
        after.Ids.Should().Equal(before.Ids);
        after.Scores.Should().Equal(before.Scores);
        cache.SpilledBytes.Should().BeGreaterThan(2_000L * D * 4);
        var act = () => first.Search(queries, D, 10);
        act.Should().Throw<ObjectDisposedException>("an index set aside is freed; its holder must ask the cache again");
    }

    [Fact]
    public void A_memory_mapped_index_is_closed_not_spilled_and_mapped_again_when_asked_for()
    {
        using var folder = new global::Nvf.Core.Tests.Data.TempFolder();
        var vectors = RandomUnitVectors.Generate(2_000, D, seed: 1);
        var queries = RandomUnitVectors.Generate(50, D, seed: 2).Data;
        using (var built = Build(vectors, 3))
            built.Write(folder.File("given.faiss"));
        var opened = 0;
        using var cache = new SpillingIndexCache<string>();

        var first = cache.Get("given", () => { opened++; return FaissIndex.ReadMapped(folder.File("given.faiss")); });
        first.Nprobe = 4;
        var before = first.Search(queries, D, 10);
        cache.Get("built", () => Build(vectors, 4));
        cache.SpilledBytes.Should().Be(0, "the mapped index lives in its file: it was closed, not written to a spill file");
        var again = cache.Get("given", () => { opened++; return FaissIndex.ReadMapped(folder.File("given.faiss")); });
        again.Nprobe = 4;

        opened.Should().Be(2, "asked for again, the mapped index is mapped again from its file");
        again.Search(queries, D, 10).Ids.Should().Equal(before.Ids);
    }

    [Fact]
    public void The_spill_folder_is_removed_on_dispose()
    {
        var parent = Directory.CreateTempSubdirectory("nvf-spill-test-").FullName;
        var vectors = RandomUnitVectors.Generate(1_000, D, seed: 5);
        using (var cache = new SpillingIndexCache<int>(parent))
        {
            cache.Get(1, () => Build(vectors, 1));
            cache.Get(2, () => Build(vectors, 2));
            Directory.GetFiles(parent, "*.faiss", SearchOption.AllDirectories).Should().ContainSingle();
        }

        Directory.GetFileSystemEntries(parent).Should().BeEmpty();
        Directory.Delete(parent);
    }

    [Fact]
    public void Spill_folders_of_processes_no_longer_running_are_removed_and_live_ones_kept()
    {
        var parent = Directory.CreateTempSubdirectory("nvf-spill-test-").FullName;
        try
        {
            // No process has id int.MaxValue (Linux's pid_max is at most 2^22); the current process is alive.
            var orphan = Directory.CreateDirectory(Path.Combine(parent, $"nvf-index-spill-{int.MaxValue}-0123abcd")).FullName;
            File.WriteAllBytes(Path.Combine(orphan, "index-0.faiss"), new byte[16]);
            var live = Directory.CreateDirectory(Path.Combine(parent, $"nvf-index-spill-{Environment.ProcessId}-4567cdef")).FullName;
            var unrelated = Directory.CreateDirectory(Path.Combine(parent, "nvf-index-spill-notapid-x")).FullName;

            using (new SpillingIndexCache<int>(parent))
            {
                Directory.Exists(orphan).Should().BeFalse("its process is gone, so nothing will ever dispose of it");
                Directory.Exists(live).Should().BeTrue("its process may still read its spill files");
                Directory.Exists(unrelated).Should().BeTrue("a name without a process id is not a spill folder of ours");
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
