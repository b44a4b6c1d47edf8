using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Training;
using Nvf.Experiments.Bench;
using Nvf.Torch;

// Times NVF's training at the seed's full scale and prints the figures README's performance
// section records (targets from issue 5: soft attention <= 60 s, a reranker <= 90 s on 2 cores).
// Wall time depends on what else runs; process CPU time is printed beside it.
// Usage: dotnet run -c Release --project bench/Nvf.Experiments.Bench [soft-attention|rerankers|profile|all]
//        [--threads N] [--design improved|rich-features|concatenation] [--soft-attention-cache FILE]
// profile: CPU milliseconds per reranker training step, split into its parts (see RerankerStepProfile).
// --soft-attention-cache loads the trained soft attention from FILE when it exists (and saves it
// there otherwise), so reranker timings can be repeated without retraining the first stage.
var what = "all";
int? threads = null;
string? cache = null;
var designs = new List<RerankerDesign>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--threads" when i + 1 < args.Length:
            threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--design" when i + 1 < args.Length:
            designs.Add(Enum.Parse<RerankerDesign>(args[++i].Replace("-", "", StringComparison.Ordinal), ignoreCase: true));
            break;
        case "--soft-attention-cache" when i + 1 < args.Length:
            cache = args[++i];
            break;
        case "soft-attention" or "rerankers" or "all" or "profile":
            what = args[i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; expected soft-attention|rerankers|all, --threads N, --design NAME, --soft-attention-cache FILE");
            return 2;
    }
}

if (designs.Count == 0)
{
    designs.AddRange([RerankerDesign.Improved, RerankerDesign.RichFeatures, RerankerDesign.Concatenation]);
}

var database = NvfDatabase.RandomUnit(1000, 128, 42);
var evaluation = NvfQueryDistribution.UniformNearestNeighbour.Draw(database, 5000, QueryStream.Evaluation);
var saConfig = SoftAttentionConfig.Load(ConfigDirectory.PathOf("nvf-soft-attention.seed.json"));
saConfig = saConfig with { TorchThreads = threads ?? saConfig.TorchThreads };
Console.WriteLine($"cores {Environment.ProcessorCount}, torch threads {saConfig.TorchThreads}, torch {TorchRuntime.Version}, load average {LoadAverage()}");

TrainedSoftAttention softAttention;
if (cache is not null && File.Exists(cache) && what is "rerankers" or "profile")
{
    using var generator = new Generator(saConfig.Seed);
    var model = new SoftAttentionModel(database.Dimension, saConfig.Hidden, saConfig.InitialTemperature, generator);
    model.Load(cache);
    model.Eval();
    softAttention = new TrainedSoftAttention(model, database, saConfig, new TrainingCurve("soft attention (loaded from the cache)"));
    Console.WriteLine($"soft attention loaded from {cache}");
}
else
{
    var (trained, saWall, saCpu) = Timed(() => SoftAttentionTrainer.Train(database, saConfig));
    softAttention = trained;
    var baseline = PipelineEvaluator.Evaluate(softAttention, null, evaluation, 5);
    Console.WriteLine(Invariant($"soft attention training (seed config, 50 epochs x 50,000 queries): {saWall:F1} s wall, {saCpu:F1} s CPU (target <= 60 s); Top-1 {baseline.SoftAttentionTop1}, Top-5 {baseline.Coverage}; load average {LoadAverage()}"));
    if (cache is not null)
    {
        softAttention.Model.Save(cache);
    }
}

if (what == "soft-attention")
{
    return 0;
}

if (what == "profile")
{
    RerankerStepProfile.Run(softAttention, designs, Console.Out);
    return 0;
}

foreach (var design in designs)
{
    var file = design == RerankerDesign.Improved ? "nvf-reranker.improved.json" : "nvf-reranker.seed.json";
    var config = RerankerConfig.Load(ConfigDirectory.PathOf(file));
    config = config with { TorchThreads = threads ?? config.TorchThreads };
    var (reranker, wall, cpu) = Timed(() => RerankerTrainer.Train(softAttention, design, config, new SynchronousProgress<TrainingProgress>(p => Console.WriteLine("  " + p))));
    var result = PipelineEvaluator.Evaluate(softAttention, reranker.Model, evaluation, 5);
    var curve = reranker.Curve;
    var initial = curve.Epochs[0].Epoch == 0 ? Invariant($", validation at epoch 0 {curve.Epochs[0].ValidationScore:P1}") : "";
    Console.WriteLine(Invariant($"{design} reranker training ({file}, {curve.Epochs.Count} epochs, kept {curve.KeptEpoch}{initial}, best validation {curve.Epochs.Max(e => e.ValidationScore):P1}): {wall:F1} s wall, {cpu:F1} s CPU (target <= 90 s); pipeline Top-1 {result.PipelineTop1}, control {result.ControlTop1}; load average {LoadAverage()}"));
}

return 0;

static (T Result, double Wall, double Cpu) Timed<T>(Func<T> run)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = run();
    process.Refresh();
    return (result, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
