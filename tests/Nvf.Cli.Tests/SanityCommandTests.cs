using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>`nvf sanity` on a researcher's artifacts: the seed's summary table, and a broken eval set caught.</summary>
public sealed class SanityCommandTests : IDisposable
{
    // 64 articles x 32 chunks of random unit vectors in 768 dimensions (the seed's width); 100 eval samples.
    const int Articles = 64, Chunks = 32, Dimension = 768, Samples = 100;

    readonly TempRepository repository = new();

    void WriteArtifacts(bool targetsAligned, int articles = Articles, int chunks = Chunks, int samples = Samples, bool float64Payload = false)
    {
        var payload = RandomUnitVectors.Generate(articles * chunks, Dimension, seed: 11);
        if (float64Payload)
        {
            // What NumPy writes by default: float64 (the payload's float32 values widened, so narrowing is exact).
            NpyWriter.Write(repository.PathOf("payload.npy"), payload.Data.Select(v => (double)v).ToArray(), payload.Count, Dimension);
        }
        else
        {
            NpyWriter.Write(repository.PathOf("payload.npy"), payload);
        }

        var keys = Enumerable.Range(0, articles * chunks).SelectMany(row => new long[] { row / chunks, row % chunks }).ToArray();
        NpyWriter.Write(repository.PathOf("payload_keys.npy"), keys, articles * chunks, 2);

        var rows = Enumerable.Range(0, samples).Select(i => (i * 37 + 5) % payload.Count).ToArray();
        var contexts = RandomUnitVectors.Generate(samples * 5, Dimension, seed: 12).Data;
        var other = RandomUnitVectors.Generate(samples, Dimension, seed: 13);
        var targets = new float[samples * Dimension];
        for (var i = 0; i < samples; i++)
        {
            (targetsAligned ? payload.Row(rows[i]) : other.Row(i)).CopyTo(targets.AsSpan(i * Dimension, Dimension));
        }

        var truthKeys = rows.Select(r => new TruthKey(r / chunks, r % chunks)).ToArray();
        new EvalSet(contexts, 5, new VectorSet(targets, samples, Dimension), truthKeys).Save(repository.PathOf("eval.npz"));
    }

    [Fact]
    public void A_pilot_payload_of_50_rows_uses_every_row_as_a_query_and_says_so()
    {
        // Bug: "nvf: unexpected ArgumentOutOfRangeException: expected 1 to 50 queries ... Actual value was 1000" (exit 1).
        WriteArtifacts(targetsAligned: true, articles: 2, chunks: 25, samples: 20);

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "sanity", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy");

        exitCode.Should().Be(0, output + error);
        output.Should().Contain("the payload has 50 rows: oracle recall uses all 50 as queries (configured 1,000)")
            .And.MatchRegex(@"Oracle R@5\s*│\s*100\.0 ?%\s*│\s*✅ PASS");
        error.Should().NotContain("Exception");
    }

    [Fact]
    public void A_float64_payload_is_read_as_float32()
    {
        // Bug: a float64 payload was refused with "has dtype float64; expected float32 (ReadAsFloat32 narrows float64)".
        WriteArtifacts(targetsAligned: true, float64Payload: true);

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "sanity", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy");

        exitCode.Should().Be(0, output + error);
        output.Should().MatchRegex(@"Eval alignment\s*│\s*100\.0 ?%\s*│\s*✅ PASS");
        (output + error).Should().NotContain("ReadAsFloat32");
    }

    [Fact]
    public void Aligned_artifacts_pass_and_print_the_seed_summary_table()
    {
        WriteArtifacts(targetsAligned: true);

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "sanity", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy");

        exitCode.Should().Be(0, output + error);
        output.Should().MatchRegex(@"Vector norm\s*│\s*mean=1\.000\s*│\s*✅ PASS")
            .And.MatchRegex(@"Oracle R@5\s*│\s*100\.0 ?%\s*│\s*✅ PASS")
            .And.MatchRegex(@"Eval alignment\s*│\s*100\.0 ?%\s*│\s*✅ PASS")
            .And.MatchRegex(@"Decision gate\s*│\s*Pending\s*│\s*⏳ Pending");
    }

    [Fact]
    public void Targets_that_are_not_the_payload_rows_fail_the_alignment_check()
    {
        WriteArtifacts(targetsAligned: false);

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "sanity", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy");

        exitCode.Should().Be(3, output + error);
        output.Should().MatchRegex(@"Eval alignment\s*│\s*0\.0 ?%\s*│\s*❌ FAIL");
    }

    [Theory]
    [InlineData(new[] { "sanity", "--payload", "missing.npy", "--eval", "eval.npz" }, "--payload missing.npy: no such file")]
    [InlineData(new[] { "sanity", "--eval", "eval.npz" }, "Option '--payload' is required")]
    [InlineData(new[] { "sanity", "--payload", "payload.npy", "--eval", "eval.npz" }, "expected a key map .npy int (N, 2)")]
    [InlineData(new[] { "sanity", "--payload", "eval.npz", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy" }, "eval.npz")]
    public void Missing_or_wrong_artifacts_are_one_line_and_exit_code_2(string[] arguments, string message)
    {
        WriteArtifacts(targetsAligned: true);

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, arguments);

        exitCode.Should().Be(2, output + error);
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("nvf: ").And.Contain(message);
    }

    public void Dispose() => repository.Dispose();
}
