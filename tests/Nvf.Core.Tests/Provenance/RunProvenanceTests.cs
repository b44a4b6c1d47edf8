using FluentAssertions;
using Nvf.Core.Provenance;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Provenance;

public sealed class RunProvenanceTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void File_digest_is_the_standard_sha256()
    {
        // FIPS 180-2 example: SHA-256("abc").
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("abc.txt"), "abc");
        FileDigest.Compute(temp.File("abc.txt")).Should().Be(
            new FileDigest(temp.File("abc.txt"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3));
    }

    [Fact]
    public void Capture_records_everything_and_round_trips_through_json()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("payload.npy"), "not really numpy");
        var when = new DateTimeOffset(2026, 11, 22, 4, 30, 0, TimeSpan.Zero);
        var provenance = RunProvenance.Capture(RepositoryRoot.Path, threadCount: 2,
            files: [temp.File("payload.npy")],
            generators: [new GeneratorInfo("ArticleCorpusGenerator", 11, "Articles = 200")],
            libraries: new Dictionary<string, string> { ["libtorch"] = "1.13.1", ["faiss"] = "1.7.3" },
            clock: new FixedClock(when));

        provenance.Git.Commit.Should().MatchRegex("^[0-9a-f]{40}$");
        provenance.Files.Single().Bytes.Should().Be(16);
        provenance.Machine.LogicalCores.Should().Be(Environment.ProcessorCount);
        provenance.Machine.MemoryBytes.Should().BePositive();
        provenance.CapturedUtc.Should().Be(when);

        var json = provenance.ToJson();
        json.Should().Contain("\"threadCount\": 2").And.Contain("\"libtorch\": \"1.13.1\"").And.Contain("\"seed\": 11");
        var back = RunProvenance.FromJson(json);
        back.ToJson().Should().Be(json);
        back.Git.Should().Be(provenance.Git);
        back.Files.Should().Equal(provenance.Files);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var act = () => RunProvenance.Capture(RepositoryRoot.Path, 1, files: ["/nonexistent/eval.npz"]);
        act.Should().Throw<FileNotFoundException>().WithMessage("/nonexistent/eval.npz: cannot hash a file that does not exist");
    }
}
