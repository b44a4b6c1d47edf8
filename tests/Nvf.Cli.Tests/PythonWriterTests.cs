using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// python/nvf_predictions.py in a researcher's environment (Debian's python3-torch): models that never export to ONNX
/// or TorchScript (a GRU and an attention model over the context) write predictions the gate judges; a record of
/// another eval file, or predictions changed after writing, are refused naming the field; a torch.save checkpoint
/// given as --model names the recipe (issue "The researcher's daily loop").
/// </summary>
public sealed class PythonWriterTests : IDisposable
{
    static readonly string Writer = Path.Combine(RepositoryRootOf(AppContext.BaseDirectory), "python");

    // 48 articles of 24 chunks, 384-d (any D); the "models" are untrained torch modules whose output is pulled to the
    // last context chunk, so they carry signal without training.
    static string Script => $$"""
        import sys; sys.path.insert(0, {{Quoted(Writer)}})
        import numpy as np, torch, nvf_predictions as nvf
        torch.manual_seed(0); rng = np.random.default_rng(3)
        A, C, D = 48, 24, 384
        topics = rng.standard_normal((8, D))
        p = np.concatenate([topics[a % 8] + 0.5 * rng.standard_normal((C, D)) for a in range(A)]).astype(np.float32)
        for a in range(A):  # drift: each chunk is near the previous one
            for c in range(1, C): p[a * C + c] = 0.7 * p[a * C + c - 1] + 0.3 * p[a * C + c]
        p /= np.linalg.norm(p, axis=1, keepdims=True)
        nvf.write_payload_keys([r // C for r in range(A * C)], [r % C for r in range(A * C)], 'payload_keys.npy')
        np.save('payload.npy', p)
        rows = np.array([a * C + c for a in range(40, 48) for c in range(5, C)])
        ctx = np.stack([p[rows - 5 + j] for j in range(5)], axis=1)
        keys = np.load('payload_keys.npy')
        np.savez('eval.npz', contexts=ctx, targets=p[rows], truth_keys=keys[rows])
        np.savez('other_eval.npz', contexts=ctx[::-1].copy(), targets=p[rows][::-1].copy(), truth_keys=keys[rows][::-1].copy())
        class Gru(torch.nn.Module):
            def __init__(s): super().__init__(); s.rnn = torch.nn.GRU(D, 64, batch_first=True); s.out = torch.nn.Linear(64, D)
            def forward(s, x): h, _ = s.rnn(x); return torch.nn.functional.normalize(x[:, -1] + 0.01 * s.out(h[:, -1]), dim=-1)
        class Attention(torch.nn.Module):
            def __init__(s): super().__init__(); s.att = torch.nn.MultiheadAttention(D, 4, batch_first=True)
            def forward(s, x): y, _ = s.att(x, x, x); return torch.nn.functional.normalize(x[:, -1] + 0.01 * y[:, -1], dim=-1)
        gru = Gru(); torch.save(gru.state_dict(), 'gru-best.pt')
        print(nvf.write_predictions(gru, 'eval.npz', 'gru-epoch1.npy', model_name='gru', epoch=1, checkpoint='gru-best.pt', batch_size=50)['rows'])
        nvf.write_predictions(Attention(), 'eval.npz', 'attention-epoch3.npy', model_name='attention', epoch=3)
        nvf.write_predictions(gru, 'other_eval.npz', 'gru-other.npy', model_name='gru', epoch=1)
        """;

    readonly TempRepository repository = new();
    readonly string written;

    public PythonWriterTests() => written = DebianPython.Run(repository.Root, Script);

    (int ExitCode, string Output, string Error) Evaluate(params string[] more) =>
        NvfProcess.Run(repository.Root, ["evaluate", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--out", "reports", .. more]);

    [Theory]
    [InlineData("gru-epoch1.npy", "gru, epoch 1, checkpoint gru-best.pt")]
    [InlineData("attention-epoch3.npy", "attention, epoch 3")]
    public void Predictions_of_a_model_that_does_not_export_are_judged_and_named(string predictions, string named)
    {
        var (exitCode, output, error) = Evaluate("--predictions", predictions);

        written.Should().StartWith("152", "8 eval articles x 19 samples");
        exitCode.Should().Be(0, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 0\): continue training");
        File.ReadAllText(Path.Combine(repository.Root, "reports", "acceptance.html")).Should().Contain(named).And.Contain("written for eval.npz");
    }

    [Fact]
    public void Predictions_written_for_another_eval_file_are_refused_naming_the_field()
    {
        var (exitCode, _, error) = Evaluate("--predictions", "gru-other.npy");

        exitCode.Should().Be(2);
        error.Should().Contain("gru-other.npy.json: field 'evalSha256' names eval file other_eval.npz").And.Contain("these predictions answer another eval file");
    }

    [Fact]
    public void Predictions_changed_after_writing_are_refused_naming_the_field()
    {
        var file = Path.Combine(repository.Root, "gru-epoch1.npy");
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(file, bytes);

        var (exitCode, _, error) = Evaluate("--predictions", "gru-epoch1.npy");

        exitCode.Should().Be(2);
        error.Should().Contain("field 'predictionsSha256' does not match gru-epoch1.npy");
    }

    [Fact]
    public void A_torch_save_checkpoint_as_a_model_names_the_python_recipe()
    {
        var (exitCode, _, error) = Evaluate("--model", "gru-best.pt");

        exitCode.Should().Be(2);
        error.Should().Contain("gru-best.pt: not TorchScript").And.Contain("python/nvf_predictions.py").And.NotContain("   at ");
    }

    public void Dispose() => repository.Dispose();

    static string Quoted(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    static string RepositoryRootOf(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nvf.Specs.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no Nvf.Specs.sln above {start}");
    }
}
