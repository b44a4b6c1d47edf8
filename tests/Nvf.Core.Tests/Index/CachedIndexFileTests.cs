using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Faiss;
using Nvf.Core.Training;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Index;

/// <summary>An index built once over generated data is kept on disk, verified and mapped on the next run; an altered file is built again.</summary>
public sealed class CachedIndexFileTests
{
    const int D = 16;

    [Fact]
    public void The_second_run_maps_the_cached_index_and_finds_the_same_and_an_altered_file_is_built_again()
    {
        using var folder = new TempFolder();
        var vectors = RandomUnitVectors.Generate(3_000, D, seed: 5);
        var queries = RandomUnitVectors.Generate(40, D, seed: 6).Data;
        var file = folder.File("payload.ivf.faiss");
        var builds = 0;
        FaissIndex Build()
        {
            builds++;
            return IvfFlatBuilder.Build(vectors, FaissMetric.InnerProduct, 3).Index;
        }

        var heard = new List<string>();
        var progress = new SynchronousProgress<string>(heard.Add);
        using var first = CachedIndexFile.OpenOrBuild(file, 3_000, D, "code 1", Build, progress);
        first.Nprobe = 4;
        var before = first.Search(queries, D, 10);
        using var second = CachedIndexFile.OpenOrBuild(file, 3_000, D, "code 1", Build, progress);
        second.Nprobe = 4;

        builds.Should().Be(1);
        (first.IsMapped, second.IsMapped).Should().Be((true, true));
        second.Search(queries, D, 10).Ids.Should().Equal(before.Ids);
        heard.Should().Contain("building the index (no cached index yet)").And.Contain(l => l.StartsWith($"index read from the cache {file}", StringComparison.Ordinal));

        var bytes = File.ReadAllBytes(file);
        bytes[^8] ^= 0x10;
        File.WriteAllBytes(file + ".altered", bytes);
        File.Move(file + ".altered", file, overwrite: true);
        using var third = CachedIndexFile.OpenOrBuild(file, 3_000, D, "code 1", Build, progress);

        builds.Should().Be(2);
        heard.Should().Contain($"building the index ({file} does not match its recorded SHA-256 (truncated or altered))");
        FluentActions.Invoking(() => CachedIndexFile.OpenOrBuild(file, 3_000, D + 1, "code 1", () => throw new InvalidOperationException("asked to build"), progress))
            .Should().Throw<InvalidOperationException>().WithMessage("asked to build", "a record of another shape is not trusted");
        heard.Should().Contain("building the index (the cache record says 3000 x 16; expected 3000 x 17)");

        using var fourth = CachedIndexFile.OpenOrBuild(file, 3_000, D, "code 2", Build, progress);
        builds.Should().Be(3, "an index built by other code is not served");
        heard.Should().Contain($"building the index (the cache record {file}.json is of an index built by other code)");
    }
}
