using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Pipeline;
using Nvf.Core.Tests.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>
/// A researcher's NVF pipeline made with Debian's python3-torch 1.13: a soft attention model holding its database
/// (queries (B, D) → logits (B, N)) and two rerankers (queries and Top-5 candidates → 5 scores; one also takes soft
/// attention's logits), each exported as ONNX and TorchScript. The gate's logits and scores must equal PyTorch's
/// within 1e-5, and its pipeline counts (soft attention Top-1, Top-5 coverage, pipeline Top-1) PyTorch's exactly.
/// </summary>
public sealed class PipelineModelFileTests : IDisposable
{
    const int Rows = 400, Dimension = 32, Queries = 300;

    const string Script = """
        import sys, json, numpy as np, torch
        folder = sys.argv[1]
        torch.manual_seed(1)
        db = torch.from_numpy(np.load(folder + '/database.npy')); q = torch.from_numpy(np.load(folder + '/queries.npy'))
        labels = torch.from_numpy(np.load(folder + '/labels.npy'))
        N, D = db.shape
        class SoftAttention(torch.nn.Module):
            def __init__(self, db):
                super().__init__(); self.register_buffer('db', db.clone()); self.w = torch.nn.Linear(D, D)
                with torch.no_grad():
                    self.w.weight.copy_(torch.eye(D) + 0.3 * torch.randn(D, D)); self.w.bias.zero_()
            def forward(self, queries):
                return 20.0 * torch.nn.functional.normalize(self.w(queries), dim=-1) @ self.db.T
        class Reranker(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.mlp = torch.nn.Sequential(torch.nn.Linear(2 * D, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
            def score(self, queries, candidates):
                qe = queries.unsqueeze(1).expand_as(candidates)
                return 10.0 * (qe * candidates).sum(-1) + self.mlp(torch.cat([qe * candidates, qe - candidates], -1)).squeeze(-1)
            def forward(self, queries, candidates):
                return self.score(queries, candidates)
        class RerankerWithLogits(Reranker):
            def forward(self, queries, candidates, logits):
                return self.score(queries, candidates) + 0.05 * logits
        att, r2, r3 = SoftAttention(db).eval(), Reranker().eval(), RerankerWithLogits().eval()
        expected = {}
        with torch.no_grad():
            logits = att(q); top = logits.topk(5, dim=1); ids, cl = top.indices, top.values
            cands = db[ids]
            expected['soft_attention_top1'] = int((ids[:, 0] == labels).sum())
            expected['coverage'] = int((ids == labels[:, None]).any(1).sum())
            np.save(folder + '/logits-expected.npy', logits[:8].numpy())
            for name, model, args in [('reranker2', r2, (q, cands)), ('reranker3', r3, (q, cands, cl))]:
                s = model(*args)
                pick = ids.gather(1, s.argmax(1, keepdim=True)).squeeze(1)
                expected[name] = int((pick == labels).sum())
                np.save(f'{folder}/{name}-scores.npy', s[:8].numpy())
        batch = lambda *names: {n: {0: 'batch'} for n in names}
        ex = q[:3]
        torch.onnx.export(att, (ex,), folder + '/attention.onnx', input_names=['queries'], output_names=['logits'],
                          dynamic_axes=batch('queries', 'logits'), opset_version=13)
        torch.jit.save(torch.jit.trace(att, (ex,)), folder + '/attention.pt')
        exc, exl = cands[:3], cl[:3]
        torch.onnx.export(r2, (ex, exc), folder + '/reranker2.onnx', input_names=['queries', 'candidates'], output_names=['scores'],
                          dynamic_axes=batch('queries', 'candidates', 'scores'), opset_version=13)
        torch.jit.save(torch.jit.trace(r2, (ex, exc)), folder + '/reranker2.pt')
        torch.onnx.export(r3, (ex, exc, exl), folder + '/reranker3.onnx', input_names=['queries', 'candidates', 'logits'],
                          output_names=['scores'], dynamic_axes=batch('queries', 'candidates', 'logits', 'scores'), opset_version=13)
        torch.jit.save(torch.jit.trace(r3, (ex, exc, exl)), folder + '/reranker3.pt')
        json.dump(expected, open(folder + '/expected.json', 'w'))
        """;

    readonly string folder = Directory.CreateTempSubdirectory("nvf-pipeline-models-").FullName;
    readonly Dictionary<string, int> expected;

    public PipelineModelFileTests()
    {
        // Queries are database rows plus noise 0.3 (the seed's noisy-source distribution), labelled with their source row.
        var database = RandomUnitVectors.Generate(Rows, Dimension, seed: 7);
        var noise = RandomUnitVectors.Generate(Queries, Dimension, seed: 8);
        var labels = Enumerable.Range(0, Queries).Select(i => (long)(i * 7 % Rows)).ToArray();
        var queries = new float[Queries * Dimension];
        for (var i = 0; i < queries.Length; i++)
            queries[i] = database.Data[(labels[i / Dimension] * Dimension) + (i % Dimension)] + (0.3f * noise.Data[i]);
        NpyWriter.Write(Path.Combine(folder, "database.npy"), database.Data, Rows, Dimension);
        NpyWriter.Write(Path.Combine(folder, "queries.npy"), queries, Queries, Dimension);
        NpyWriter.Write(Path.Combine(folder, "labels.npy"), labels, Queries);
        NumPyProcess.Run(Script, folder);
        expected = JsonSerializer.Deserialize<Dictionary<string, int>>(System.IO.File.ReadAllText(Path.Combine(folder, "expected.json")))!;
    }

    ResearcherPipeline Pipeline(string attention = "attention.onnx", string reranker = "reranker2.onnx") =>
        ResearcherPipeline.Load(File("database.npy"), File("queries.npy"), File("labels.npy"), File(attention), File(reranker));

    string File(string name) => Path.Combine(folder, name);

    [Theory]
    [InlineData("attention.onnx", "reranker2.onnx", "reranker2")]
    [InlineData("attention.pt", "reranker2.pt", "reranker2")]
    [InlineData("attention.onnx", "reranker3.pt", "reranker3")]
    [InlineData("attention.pt", "reranker3.onnx", "reranker3")]
    public void The_pipelines_counts_equal_pytorchs(string attentionFile, string rerankerFile, string reranker)
    {
        var pipeline = Pipeline(attentionFile, rerankerFile);
        using var attention = new AttentionModelFile(pipeline.AttentionPath);
        using var scorer = new RerankerModelFile(pipeline.RerankerPath);

        var evaluation = PipelineEvaluator.Evaluate(attention, scorer, pipeline.Database, pipeline.Queries, 5);

        evaluation.SoftAttentionTop1.Successes.Should().Be(expected["soft_attention_top1"]);
        evaluation.Coverage.Successes.Should().Be(expected["coverage"]);
        evaluation.PipelineTop1!.Successes.Should().Be(expected[reranker], $"{attention.Description} + {scorer.Description}");
        evaluation.PipelineTop1.Successes.Should().BeGreaterThan(evaluation.SoftAttentionTop1.Successes, "these rerankers score by the cosine, which the noisy attention lacks");
        evaluation.OracleTop1.Trials.Should().Be(Queries);
        evaluation.CorrectOutsideTopK.Should().Be(0);
    }

    [Theory]
    [InlineData("attention.onnx")]
    [InlineData("attention.pt")]
    public void Soft_attention_logits_equal_pytorchs_within_1e_5(string file)
    {
        using var attention = new AttentionModelFile(File(file));
        var queries = NpyReader.ReadVectorSet(File("queries.npy"));

        var logits = attention.Logits(queries.Data[..(8 * Dimension)], 8, Dimension, Rows);

        var want = NpyReader.ReadAsFloat32(File("logits-expected.npy")).Data;
        logits.Zip(want, (a, b) => Math.Abs(a - b)).Max().Should().BeLessThan(1e-5f * 20, "logits are 20 x a cosine: 1e-5 relative");
    }

    [Theory]
    [InlineData("reranker2.onnx", "reranker2")]
    [InlineData("reranker2.pt", "reranker2")]
    [InlineData("reranker3.onnx", "reranker3")]
    [InlineData("reranker3.pt", "reranker3")]
    public void Reranker_scores_equal_pytorchs_within_1e_5(string file, string name)
    {
        var pipeline = Pipeline();
        using var attention = new AttentionModelFile(pipeline.AttentionPath);
        using var reranker = new RerankerModelFile(File(file));
        var q = pipeline.Queries.Queries.Data[..(8 * Dimension)];
        var logits = attention.Logits(q, 8, Dimension, Rows);
        var (candidates, candidateLogits) = (new float[8 * 5 * Dimension], new float[8 * 5]);
        for (var i = 0; i < 8; i++)
        {
            var top = Enumerable.Range(0, Rows).OrderByDescending(j => logits[(i * Rows) + j]).Take(5).ToArray();
            for (var j = 0; j < 5; j++)
            {
                candidateLogits[(i * 5) + j] = logits[(i * Rows) + top[j]];
                Array.Copy(pipeline.Database.Vectors.Data, top[j] * Dimension, candidates, ((i * 5) + j) * Dimension, Dimension);
            }
        }

        var scores = reranker.Scores(q, candidates, candidateLogits, 8, 5, Dimension);

        var want = NpyReader.ReadAsFloat32(File($"{name}-scores.npy")).Data;
        scores.Zip(want, (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(b))).Max().Should().BeLessThan(1e-5f, reranker.Description);
    }

    [Fact]
    public void A_model_with_the_wrong_inputs_or_output_is_named_with_what_was_expected()
    {
        var act = () => new AttentionModelFile(File("reranker2.onnx"));
        act.Should().Throw<ArtifactException>().WithMessage($"{File("reranker2.onnx")}: the soft attention model takes 2 inputs; expected one, the queries float32 (batch, dimension)");

        var reranker = () => new RerankerModelFile(File("attention.pt"));
        reranker.Should().Throw<ArtifactException>().WithMessage($"{File("attention.pt")}: the reranker takes 1 inputs; expected two, queries float32 (batch, dimension) and candidates (batch, K, dimension)*");

        using var attention = new AttentionModelFile(File("attention.onnx"));
        var wrongDatabase = () => attention.Logits(new float[2 * Dimension], 2, Dimension, 500);
        wrongDatabase.Should().Throw<ArtifactException>().WithMessage($"{File("attention.onnx")}: the soft attention model returned (2, 400) for 2 queries; expected (2, 500), one logit per database row");

        var wrongWidth = () => attention.Logits(new float[2 * 16], 2, 16, Rows);
        wrongWidth.Should().Throw<ArtifactException>().WithMessage($"{File("attention.onnx")}: running it on inputs (2, 16) failed (*)*");
    }

    [Fact]
    public void Files_that_do_not_fit_together_are_named_with_the_variable_the_file_and_what_was_expected()
    {
        NpyWriter.Write(File("labels-outside.npy"), Enumerable.Range(0, Queries).Select(i => i == 17 ? Rows : 0L).ToArray(), Queries);
        var act = () => ResearcherPipeline.Load(File("database.npy"), File("queries.npy"), File("labels-outside.npy"), File("attention.onnx"), File("reranker2.onnx"));
        act.Should().Throw<ArtifactException>().WithMessage($"NVF_LABELS: {File("labels-outside.npy")} row 17 is 400; expected a database row in [0, 400)");

        NpyWriter.Write(File("labels-short.npy"), new long[10], 10);
        act = () => ResearcherPipeline.Load(File("database.npy"), File("queries.npy"), File("labels-short.npy"), File("attention.onnx"), File("reranker2.onnx"));
        act.Should().Throw<ArtifactException>().WithMessage($"NVF_LABELS: {File("labels-short.npy")} has 10 labels; expected 300, one per query of {File("queries.npy")}");

        NpyWriter.Write(File("narrow.npy"), new float[Queries * 16], Queries, 16);
        act = () => ResearcherPipeline.Load(File("database.npy"), File("narrow.npy"), File("labels.npy"), File("attention.onnx"), File("reranker2.onnx"));
        act.Should().Throw<ArtifactException>().WithMessage($"NVF_QUERIES: {File("narrow.npy")} has width 16; expected 32, the width of the database {File("database.npy")}");

        var partial = () => ResearcherPipeline.FromEnvironment(name => name == "NVF_ATTENTION_MODEL" ? File("attention.onnx") : null);
        partial.Should().Throw<ArtifactException>().WithMessage("NVF_DATABASE, NVF_QUERIES, NVF_LABELS, NVF_RERANKER_MODEL not set; a researcher's pipeline needs all of NVF_DATABASE, NVF_QUERIES, NVF_LABELS, NVF_ATTENTION_MODEL, NVF_RERANKER_MODEL");

        ResearcherPipeline.FromEnvironment(_ => null).Should().BeNull("no variable set: the gate's own models run");
        var pipeline = ResearcherPipeline.FromEnvironment(name => name switch
        {
            "NVF_DATABASE" => File("database.npy"),
            "NVF_QUERIES" => File("queries.npy"),
            "NVF_LABELS" => File("labels.npy"),
            "NVF_ATTENTION_MODEL" => File("attention.pt"),
            _ => File("reranker3.onnx"),
        });
        pipeline!.Queries.Count.Should().Be(Queries);
        pipeline.Database.Count.Should().Be(Rows);
        pipeline.Database.IsUnit.Should().BeTrue();
        pipeline.Queries.Labels[3].Should().Be(21);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
