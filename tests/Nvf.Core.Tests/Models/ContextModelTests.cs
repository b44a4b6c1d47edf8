using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Models;
using Nvf.Core.Tests.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Models;

/// <summary>
/// A researcher's model, made and exported by Debian's python3-torch 1.13: an attention-pooling and a GRU context
/// encoder, each as ONNX (torch.onnx.export, dynamic batch) and TorchScript (torch.jit.trace + torch.jit.save).
/// The gate's predictions must equal PyTorch's within 1e-5, batch after batch.
/// </summary>
public sealed class ContextModelTests : IDisposable
{
    const int Samples = 300, Dimension = 64;

    const string Script = """
        import sys, numpy as np, torch
        folder = sys.argv[1]
        torch.manual_seed(0)
        class AttentionPool(torch.nn.Module):
            def __init__(self, d):
                super().__init__(); self.q = torch.nn.Parameter(torch.randn(d) / d ** 0.5); self.proj = torch.nn.Linear(d, d)
            def forward(self, ctx):                          # (B, 5, D)
                w = torch.softmax(ctx @ self.q, dim=1)       # (B, 5)
                return torch.nn.functional.normalize(self.proj((w.unsqueeze(-1) * ctx).sum(1)), dim=-1)
        class GruEncoder(torch.nn.Module):
            def __init__(self, d):
                super().__init__(); self.gru = torch.nn.GRU(d, d, batch_first=True); self.out = torch.nn.Linear(d, d)
            def forward(self, ctx):
                h, _ = self.gru(ctx)
                return torch.nn.functional.normalize(self.out(h[:, -1]), dim=-1)
        d = int(sys.argv[2]); contexts = torch.from_numpy(np.load(folder + '/contexts.npy'))
        for name, model in [('attention', AttentionPool(d)), ('gru', GruEncoder(d))]:
            model.eval(); example = contexts[:3]
            torch.onnx.export(model, example, f'{folder}/{name}.onnx', input_names=['contexts'], output_names=['predictions'],
                              dynamic_axes={'contexts': {0: 'batch'}, 'predictions': {0: 'batch'}}, opset_version=13)
            torch.jit.save(torch.jit.trace(model, example), f'{folder}/{name}.pt')
            with torch.no_grad():
                np.save(f'{folder}/{name}-expected.npy', model(contexts).numpy())
        """;

    readonly string folder = Directory.CreateTempSubdirectory("nvf-models-").FullName;
    readonly EvalSet eval;

    public ContextModelTests()
    {
        var contexts = RandomUnitVectors.Generate(Samples * 5, Dimension, seed: 3).Data;
        NpyWriter.Write(Path.Combine(folder, "contexts.npy"), contexts, Samples, 5, Dimension);
        eval = new EvalSet(contexts, 5, RandomUnitVectors.Generate(Samples, Dimension, seed: 4), Enumerable.Range(0, Samples).Select(i => new TruthKey(i, 0)).ToArray());
        NumPyProcess.Run(Script, folder, Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("attention.onnx", "attention")]
    [InlineData("attention.pt", "attention")]
    [InlineData("gru.onnx", "gru")]
    [InlineData("gru.pt", "gru")]
    public void The_gates_predictions_equal_pytorchs_within_1e_5(string file, string model)
    {
        using var loaded = ContextModelFile.Open(Path.Combine(folder, file));
        var predictions = loaded.Predict(eval);
        var expected = NpyReader.ReadVectorSet(Path.Combine(folder, $"{model}-expected.npy"), Dimension);

        predictions.Count.Should().Be(Samples, "300 contexts run in batches of 256 and one of 44");
        var largest = predictions.Data.Zip(expected.Data, (a, b) => Math.Abs(a - b)).Max();
        largest.Should().BeLessThan(1e-5f, loaded.Description);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_named_with_what_was_expected()
    {
        var notOnnx = Path.Combine(folder, "broken.onnx");
        File.WriteAllText(notOnnx, "not a model");
        var act = () => ContextModelFile.Open(notOnnx);
        act.Should().Throw<ArtifactException>().WithMessage($"{notOnnx}: ONNX Runtime cannot load it*expected an ONNX model exported with torch.onnx.export");

        var notScript = Path.Combine(folder, "broken.pt");
        File.WriteAllText(notScript, "not a model");
        act = () => ContextModelFile.Open(notScript);
        act.Should().Throw<ArtifactException>().WithMessage($"{notScript}: not TorchScript (not a zip archive, which every TorchScript file is)*python/nvf_predictions.py*");

        act = () => ContextModelFile.Open(Path.Combine(folder, "contexts.npy"));
        act.Should().Throw<ArtifactException>().WithMessage("*a '.npy' file is not a model the gate runs; expected ONNX (.onnx*) or TorchScript (.pt*)");
    }

    [Fact]
    public void A_torchscript_file_from_a_newer_pytorch_fails_with_a_message_that_says_so_and_points_to_onnx()
    {
        // A file whose format version is beyond what libtorch 1.13 reads, as a future PyTorch writes it.
        NumPyProcess.Run("""
            import sys, zipfile
            source, target = sys.argv[1], sys.argv[2]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w') as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    zout.writestr(item, b'99\n' if item.filename.endswith('/version') else data)
            """, Path.Combine(folder, "attention.pt"), Path.Combine(folder, "future.pt"));

        var act = () => ContextModelFile.Open(Path.Combine(folder, "future.pt"));

        act.Should().Throw<ArtifactException>()
            .WithMessage("*future.pt: libtorch 1.13* cannot load it as TorchScript*newer than libtorch*torch.onnx.export*predictions .npy*");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
