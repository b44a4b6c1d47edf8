using Nvf.Core.Training;

namespace Nvf.Core.Plots;

/// <summary>Draws training curves: mean training loss per epoch, and validation score per epoch when measured.</summary>
public static class TrainingCurvePlot
{
    /// <summary>An SVG with a loss panel (one line per curve) and, if any curve was validated, a validation panel.</summary>
    public static string Render(params TrainingCurve[] curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Length == 0 || curves.Any(c => c.Epochs.Count == 0))
        {
            throw new ArgumentException("expected at least one curve, each with at least one epoch", nameof(curves));
        }

        var plot = new LinePlot().AddPanel(
            curves.Length == 1 ? curves[0].Title : "training loss",
            "epoch",
            "mean training loss",
            curves.Select(c => new PlotSeries(Label(c, curves.Length), c.Epochs.Select(e => ((double)e.Epoch, e.TrainingLoss)).ToList())).ToList());
        var validated = curves.Where(c => c.Epochs.Any(e => double.IsFinite(e.ValidationScore))).ToList();
        if (validated.Count > 0)
        {
            plot.AddPanel(
                "validation accuracy (kept epoch marked in the legend)",
                "epoch",
                "validation accuracy",
                validated.Select(c => new PlotSeries($"{Label(c, curves.Length)} (kept {c.KeptEpoch})", c.Epochs.Select(e => ((double)e.Epoch, e.ValidationScore)).ToList())).ToList());
        }

        return plot.ToSvg();
    }

    private static string Label(TrainingCurve curve, int count)
    {
        if (count == 1)
        {
            return "loss";
        }

        var title = curve.Title;
        var paren = title.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? title[..paren] : title;
    }
}
