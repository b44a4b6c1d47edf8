using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// `nvf evaluate-pipeline` on an NVF pipeline a researcher made with Debian's numpy and python3-torch: a database,
/// noisy-source queries, a soft attention model and a reranker as ONNX and TorchScript. A pipeline that meets the
/// seed's targets exits 0; a reranker that picks the worst candidate misses the 90% target and exits 1; files that
/// do not fit together are a usage error (exit 2) that names the file.
/// </summary>
public sealed class EvaluatePipelineCommandTests : IDisposable
{
    const string Artifacts = """
        import numpy as np, torch
        rng = np.random.default_rng(11)
        N, D, Q = 500, 48, 400
        db = rng.standard_normal((N, D)).astype(np.float32); db /= np.linalg.norm(db, axis=1, keepdims=True)
        labels = rng.integers(0, N, Q)
        q = (db[labels] + 0.05 * rng.standard_normal((Q, D))).astype(np.float32)
        np.save('database.npy', db); np.save('queries.npy', q); np.save('labels.npy', labels.astype(np.int64))
        np.save('labels-short.npy', labels[:7].astype(np.int64))
        class SoftAttention(torch.nn.Module):
            def __init__(self):
                super().__init__(); self.register_buffer('db', torch.from_numpy(db))
            def forward(self, queries):
                return 10.0 * queries @ self.db.T
        class Reranker(torch.nn.Module):
            def __init__(self, sign):
                super().__init__(); self.sign = sign
            def forward(self, queries, candidates):
                return self.sign * (queries.unsqueeze(1) * candidates).sum(-1)
        dyn = lambda *names: {n: {0: 'batch'} for n in names}
        ex = torch.from_numpy(q[:2]); cands = torch.from_numpy(db[:10].reshape(2, 5, D))
        torch.onnx.export(SoftAttention(), (ex,), 'attention.onnx', input_names=['queries'], output_names=['logits'], dynamic_axes=dyn('queries', 'logits'), opset_version=13)
        torch.jit.save(torch.jit.trace(SoftAttention(), (ex,)), 'attention.pt')
        for name, sign in [('cosine', 1.0), ('worst', -1.0)]:
            torch.onnx.export(Reranker(sign), (ex, cands), f'{name}.onnx', input_names=['queries', 'candidates'], output_names=['scores'],
                              dynamic_axes=dyn('queries', 'candidates', 'scores'), opset_version=13)
            torch.jit.save(torch.jit.trace(Reranker(sign), (ex, cands)), f'{name}.pt')
        """;

    readonly TempRepository repository = new();

    public EvaluatePipelineCommandTests() => DebianPython.Run(repository.Root, Artifacts);

    (int ExitCode, string Output, string Error) Evaluate(string attention, string reranker, string labels = "labels.npy") =>
        NvfProcess.Run(repository.Root, "evaluate-pipeline", "--attention", attention, "--reranker", reranker, "--database", "database.npy", "--queries", "queries.npy", "--labels", labels, "--out", "reports");

    [Theory]
    [InlineData("attention.onnx", "cosine.onnx")]
    [InlineData("attention.pt", "cosine.pt")]
    public void A_pipeline_that_meets_the_targets_exits_0_with_the_oracle_ceiling_beside_it(string attention, string reranker)
    {
        var (exitCode, output, error) = Evaluate(attention, reranker);

        exitCode.Should().Be(0, output + error);
        output.Should().Contain("1 passed, 1 skipped").And.MatchRegex(@"verdict\S* \(exit 0\): every target met");
        var markdown = File.ReadAllText(Path.Combine(repository.Root, "reports", "acceptance.md"));
        markdown.Should().Contain("oracle ceiling: exact search on the same queries").And.Contain(attention).And.Contain(reranker);
        markdown.Should().Contain("does not run on a researcher's files", "the in-process equivalence is skipped, with its reason");
        Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Should().ContainSingle("the run is recorded");
    }

    [Fact]
    public void A_reranker_that_picks_the_worst_candidate_misses_the_90_percent_target_and_exits_1()
    {
        var (exitCode, output, error) = Evaluate("attention.onnx", "worst.pt");

        exitCode.Should().Be(1, output + error);
        output.Should().Contain("pipeline Top-1").And.MatchRegex(@"verdict\S* \(exit 1\): a target was missed");
    }

    [Fact]
    public void Labels_that_do_not_fit_the_queries_are_a_usage_error_naming_the_file()
    {
        var (exitCode, output, error) = Evaluate("attention.onnx", "cosine.onnx", "labels-short.npy");

        exitCode.Should().Be(2, output + error);
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("nvf: ").And.Contain("labels-short.npy has 7 labels; expected 400, one per query of");
    }

    [Fact]
    public void A_reranker_given_as_the_soft_attention_model_is_a_usage_error_saying_what_was_expected()
    {
        var (exitCode, output, error) = Evaluate("cosine.onnx", "cosine.onnx");

        exitCode.Should().Be(2, output + error);
        error.Should().Contain("cosine.onnx: the soft attention model takes 2 inputs; expected one, the queries float32 (batch, dimension)");
    }

    public void Dispose() => repository.Dispose();
}
