using System.Diagnostics;
using Nvf.Torch;
using Nvf.Torch.Diagnostics;

namespace Nvf.Bench.SoftAttention;

/// <summary>
/// Times the seed's soft-attention training step at its real size (batch 256, dim 128, 1,000 database
/// vectors, MLP 128-128-128, learnable temperature, Adam; DESIGN.md). Target from issue 2: at most
/// 6 ms/step on 2 cores (libtorch from C++ does 5 ms; PyTorch from Python 22-29 ms).
/// </summary>
public static class SoftAttentionBenchmark
{
    private const long Dim = 128;
    private const long Hidden = 128;
    private const long DatabaseSize = 1000;
    private const long Batch = 256;
    private const double TargetMilliseconds = 6.0;

    /// <summary>Warm-up, then <paramref name="repetitions"/> timed runs of <paramref name="steps"/> steps each; prints mean ± std.</summary>
    public static void Run(int threads, int steps, int repetitions, TextWriter output)
    {
        TorchRuntime.NumThreads = threads;
        var blas = TorchDiagnostics.FindBlas(File.ReadLines("/proc/self/maps"));
        using var data = new SoftAttentionData(Dim, DatabaseSize, Batch * 50, seed: 42);
        using var trainer = new SoftAttentionTrainer(data, Dim, Hidden, Batch, initSeed: 0);
        for (var i = 0; i < 50; i++)
        {
            trainer.Step();
        }

        // CPU time is reported beside wall time: on a shared machine wall time mostly measures the
        // other processes, while CPU time per step stays close to what an idle machine would show.
        var perStep = new double[repetitions];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                trainer.Step();
            }

            perStep[r] = clock.Elapsed.TotalMilliseconds / steps;
        }

        process.Refresh();
        var cpuPerStep = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (steps * (double)repetitions);

        var mean = perStep.Average();
        var std = Math.Sqrt(perStep.Select(v => (v - mean) * (v - mean)).Sum() / Math.Max(1, repetitions - 1));
        var gflops = SoftAttentionTrainer.FlopsPerStep(Batch, Dim, Hidden, DatabaseSize) / (mean / 1e3) / 1e9;
        output.WriteLine($"soft-attention training step (batch {Batch}, dim {Dim}, db {DatabaseSize}, MLP {Dim}-{Hidden}-{Dim}, Adam)");
        output.WriteLine($"  libtorch {TorchRuntime.Version}, BLAS {blas.Kind}, threads {TorchRuntime.NumThreads}, {repetitions} x {steps} steps after 50 warm-up");
        output.WriteLine($"  wall {mean:F2} ± {std:F2} ms/step, {gflops:F1} GFLOPS (matmul FLOPs only); target ≤ {TargetMilliseconds} ms/step: {(mean <= TargetMilliseconds ? "met" : "NOT met")}");
        output.WriteLine($"  CPU {cpuPerStep:F2} ms/step (all threads); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} CPUs");
    }
}
