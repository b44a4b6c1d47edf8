using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Nvf;

// Times NVF's training at the seed's full scale and prints the figures README's performance
// section records (targets from issue 5: soft attention <= 60 s, a reranker <= 90 s on 2 cores).
// Usage: dotnet run -c Release --project bench/Nvf.Experiments.Bench [soft-attention|rerankers|all]
var what = args.Length > 0 ? args[0] : "all";
var database = NvfDatabase.RandomUnit(1000, 128, 42);
var evaluation = QuerySetGenerator.UniformNearestNeighbour(database.Vectors, 5000, QueryStreams.Seed(database.Seed, QueryStream.Evaluation));
var saConfig = SoftAttentionConfig.Load(ConfigDirectory.PathOf("nvf-soft-attention.seed.json"));
Console.WriteLine($"cores {Environment.ProcessorCount}, torch threads {saConfig.TorchThreads}");

var clock = Stopwatch.StartNew();
var softAttention = SoftAttentionTrainer.Train(database, saConfig);
var saSeconds = clock.Elapsed.TotalSeconds;
var baseline = PipelineEvaluator.Evaluate(softAttention, null, evaluation, 5);
Console.WriteLine(Invariant($"soft attention training (seed config, 50 epochs x 50,000 queries): {saSeconds:F1} s (target <= 60 s); Top-1 {baseline.SoftAttentionTop1}, Top-5 {baseline.Coverage}"));
if (what == "soft-attention")
{
    return;
}

foreach (var (design, file) in new[] { (RerankerDesign.Concatenation, "nvf-reranker.seed.json"), (RerankerDesign.RichFeatures, "nvf-reranker.seed.json"), (RerankerDesign.Improved, "nvf-reranker.improved.json") })
{
    clock.Restart();
    var reranker = RerankerTrainer.Train(softAttention, design, RerankerConfig.Load(ConfigDirectory.PathOf(file)));
    var seconds = clock.Elapsed.TotalSeconds;
    var result = PipelineEvaluator.Evaluate(softAttention, reranker.Model, evaluation, 5);
    Console.WriteLine(Invariant($"{design} reranker training ({file}, {reranker.Curve.Epochs.Count} epochs, kept {reranker.Curve.KeptEpoch}): {seconds:F1} s (target <= 90 s); pipeline Top-1 {result.PipelineTop1}, control {result.ControlTop1}"));
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
