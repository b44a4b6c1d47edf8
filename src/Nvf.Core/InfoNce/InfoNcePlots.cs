using Nvf.Core.Decision;
using Nvf.Core.Plots;
using Nvf.Core.Retrieval;

namespace Nvf.Core.InfoNce;

/// <summary>The InfoNCE gate's plots as inline SVG: recall vs nprobe and the per-step training curves.</summary>
public static class InfoNcePlots
{
    /// <summary>
    /// R@5 (and Contain@50) of the same predictions at each nprobe, x = log2(nprobe): where the IVF
    /// approximation stops costing recall. <paramref name="sweep"/> comes from
    /// <see cref="InfoNceSession.RecallByNprobe"/>; it must hold at least one point.
    /// </summary>
    public static string RecallByNprobe(string title, IReadOnlyList<(int Nprobe, RetrievalReport Report)> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count == 0)
            throw new ArgumentException("expected at least one nprobe measured (the index has no lists to probe)", nameof(sweep));
        return new LinePlot()
            .AddPanel(title, "log2(nprobe): 0 = 1 list, 6 = 64 lists", "share of eval queries",
            [
                new PlotSeries("R@5", sweep.Select(p => (Math.Log2(p.Nprobe), p.Report.RecallAt5.Estimate)).ToList()),
                new PlotSeries("Contain@50", sweep.Select(p => (Math.Log2(p.Nprobe), p.Report.ContainAt50.Estimate)).ToList()),
            ])
            .ToSvg();
    }

    /// <summary>Loss of every optimizer step of each run (x = epochs, fractional within an epoch), one line per run.</summary>
    public static string TrainingCurves(string title, IEnumerable<ModelRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select(r => new PlotSeries(r.Key.ToString(), r.StepLosses.Select(p => (p.Epoch, p.Loss)).ToList())).ToList();
        if (series.Count == 0 || series.Any(s => s.Points.Count == 0))
            throw new ArgumentException("expected at least one run, each with at least one step trained", nameof(runs));
        return new LinePlot().AddPanel(title, "epoch", "InfoNCE loss per step (nats)", series).ToSvg();
    }
}
