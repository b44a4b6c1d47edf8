using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Experiments.Bench;

/// <summary>
/// Where a reranker training step's time goes: CPU milliseconds per step (batch 256, K = 5, dim 128)
/// for the candidate gather, the forward pass, forward + backward, the full Adam step, and the full
/// step without dropout, each at 1 and 2 torch threads.
/// </summary>
public static class RerankerStepProfile
{
    /// <summary>Profiles each of <paramref name="designs"/> on <paramref name="softAttention"/>'s candidates and prints to <paramref name="output"/>.</summary>
    public static void Run(TrainedSoftAttention softAttention, IReadOnlyList<RerankerDesign> designs, TextWriter output)
    {
        var database = softAttention.Database;
        var queries = QuerySetGenerator.UniformNearestNeighbour(database.Vectors, 20_000, 7);
        using var tensors = new QueryTensors(queries);
        using var candidates = CandidateSet.Build(softAttention.Model, database, tensors, 5);
        const int steps = 150;
        var batchesForDropout = Enumerable.Range(0, 3 * steps).Select(_ => Array.Empty<int>()).ToArray();
        foreach (var threads in new[] { 1, 2 })
        {
            TorchRuntime.NumThreads = threads;
            using var activations = Tensor.Rand([256 * 5, 128]).DetachFromDisposeScope(); // (B K, H): one dropout layer's input
            var seeded = new SeededDropout(0.1, 1, 1);
            var native = Measure(batchesForDropout, none =>
            {
                using var scope = new DisposeScope();
                activations.Dropout(0.1, training: true).Dispose();
            });
            var managed = Measure(batchesForDropout, none =>
            {
                using var scope = new DisposeScope();
                seeded.Forward(activations).Dispose();
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dropout 0.1 on (1280, 128), threads {threads}: libtorch {native:F3} CPU ms, SeededDropout {managed:F3} CPU ms"));
        }

        foreach (var threads in new[] { 1, 2 })
        {
            TorchRuntime.NumThreads = threads;
            foreach (var design in designs)
            {
                var file = design == RerankerDesign.Improved ? "nvf-reranker.improved.json" : "nvf-reranker.seed.json";
                var config = RerankerConfig.Load(ConfigDirectory.PathOf(file));
                foreach (var dropout in new[] { config.Dropout, 0.0 })
                {
                    using var generator = new Generator(1);
                    var model = Reranker.Create(design, database.Dimension, config with { Dropout = dropout }, generator);
                    using var optimizer = new Adam(model.Parameters(), lr: config.LearningRate);
                    var batches = Enumerable.Range(0, steps).Select(s => Enumerable.Range((s * 256) % 19_000, 256).ToArray()).ToArray();
                    var gather = Measure(batches, rows =>
                    {
                        using var scope = new DisposeScope();
                        _ = candidates.CandidateVectors(database, QueryTensors.Index(rows));
                    });
                    var forward = Measure(batches, rows =>
                    {
                        using var scope = new DisposeScope();
                        _ = RerankerTrainer.Scores(model, candidates, database, QueryTensors.Index(rows)).CrossEntropy(candidates.Positions.IndexSelect(0, QueryTensors.Index(rows)));
                    });
                    var backward = Measure(batches, rows =>
                    {
                        using var scope = new DisposeScope();
                        optimizer.ZeroGrad();
                        RerankerTrainer.Scores(model, candidates, database, QueryTensors.Index(rows)).CrossEntropy(candidates.Positions.IndexSelect(0, QueryTensors.Index(rows))).Backward();
                    });
                    var full = Measure(batches, rows => OptimizerStep.Run(optimizer, () =>
                        RerankerTrainer.Scores(model, candidates, database, QueryTensors.Index(rows)).CrossEntropy(candidates.Positions.IndexSelect(0, QueryTensors.Index(rows)))));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{design,-14} threads {threads} dropout {dropout:F1}: CPU ms/step gather {gather:F2}, forward {forward:F2}, forward+backward {backward:F2}, full Adam step {full:F2} (x 6,840 steps, 20 epochs of 87,600 examples = {full * 6.84:F0} s)"));
                }
            }
        }
    }

    private static double Measure(int[][] batches, Action<int[]> step)
    {
        step(batches[0]); // warm-up
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        foreach (var rows in batches)
        {
            step(rows);
        }

        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalMilliseconds / batches.Length;
    }
}
