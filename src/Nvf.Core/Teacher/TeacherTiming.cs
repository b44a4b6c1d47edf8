using System.Diagnostics;
using System.Globalization;

namespace Nvf.Core.Teacher;

/// <summary>
/// Wall and CPU seconds of the teacher flow's stages. CPU time is the whole process's (all threads)
/// and does not grow when a shared machine is busy, so it is the figure to compare across runs.
/// </summary>
/// <param name="LogSeconds">Wall time: index the corpus, query the store, write the logs.</param>
/// <param name="LogCpuSeconds">CPU time of the same.</param>
/// <param name="TrainSeconds">Wall time: read the training logs and train both stages from them.</param>
/// <param name="TrainCpuSeconds">CPU time of the same.</param>
/// <param name="EvaluateSeconds">Wall time: read the held-out log, evaluate, and train or fetch the generator-label reference.</param>
/// <param name="EvaluateCpuSeconds">CPU time of the same.</param>
public sealed record TeacherTiming(double LogSeconds, double LogCpuSeconds, double TrainSeconds, double TrainCpuSeconds, double EvaluateSeconds, double EvaluateCpuSeconds)
{
    /// <summary>"index + log 10.3 s (CPU 4.1 s); ...".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"index + log: {LogSeconds:F1} s (CPU {LogCpuSeconds:F1} s); read logs + train both stages: {TrainSeconds:F1} s (CPU {TrainCpuSeconds:F1} s); " +
        $"held-out evaluation + generator-label reference: {EvaluateSeconds:F1} s (CPU {EvaluateCpuSeconds:F1} s)");

    /// <summary>Runs <paramref name="stage"/> and returns its wall and process CPU seconds.</summary>
    internal static (double Wall, double Cpu) Measure(Action stage)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        stage();
        return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
