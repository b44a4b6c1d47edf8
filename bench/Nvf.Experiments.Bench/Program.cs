using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Nvf;
using Nvf.Torch;

// Times NVF's training at the seed's full scale and prints the figures README's performance
// section records (targets from issue 5: soft attention <= 60 s, a reranker <= 90 s on 2 cores).
// Wall time depends on what else runs; process CPU time is printed beside it.
// Usage: dotnet run -c Release --project bench/Nvf.Experiments.Bench [soft-attention|rerankers|all] [threads]
var what = args.Length > 0 ? args[0] : "all";
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : (int?)null;
var database = NvfDatabase.RandomUnit(1000, 128, 42);
var evaluation = NvfQueryDistribution.UniformNearestNeighbour.Draw(database, 5000, QueryStream.Evaluation);
var saConfig = SoftAttentionConfig.Load(ConfigDirectory.PathOf("nvf-soft-attention.seed.json"));
saConfig = saConfig with { TorchThreads = threads ?? saConfig.TorchThreads };
Console.WriteLine($"cores {Environment.ProcessorCount}, torch threads {saConfig.TorchThreads}, torch {TorchRuntime.Version}");

var (softAttention, saWall, saCpu) = Timed(() => SoftAttentionTrainer.Train(database, saConfig));
var baseline = PipelineEvaluator.Evaluate(softAttention, null, evaluation, 5);
Console.WriteLine(Invariant($"soft attention training (seed config, 50 epochs x 50,000 queries): {saWall:F1} s wall, {saCpu:F1} s CPU (target <= 60 s); Top-1 {baseline.SoftAttentionTop1}, Top-5 {baseline.Coverage}"));
if (what == "soft-attention")
{
    return;
}

foreach (var (design, file) in new[] { (RerankerDesign.Improved, "nvf-reranker.improved.json"), (RerankerDesign.RichFeatures, "nvf-reranker.seed.json"), (RerankerDesign.Concatenation, "nvf-reranker.seed.json") })
{
    var config = RerankerConfig.Load(ConfigDirectory.PathOf(file));
    config = config with { TorchThreads = threads ?? config.TorchThreads };
    var (reranker, wall, cpu) = Timed(() => RerankerTrainer.Train(softAttention, design, config));
    var result = PipelineEvaluator.Evaluate(softAttention, reranker.Model, evaluation, 5);
    Console.WriteLine(Invariant($"{design} reranker training ({file}, {reranker.Curve.Epochs.Count} epochs, kept {reranker.Curve.KeptEpoch}): {wall:F1} s wall, {cpu:F1} s CPU (target <= 90 s); pipeline Top-1 {result.PipelineTop1}, control {result.ControlTop1}"));
}

static (T Result, double Wall, double Cpu) Timed<T>(Func<T> run)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = run();
    process.Refresh();
    return (result, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
