using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>The plots every InfoNCE scenario that trains attaches: cosine histograms, recall vs nprobe, training curves.</summary>
public static class InfoNceReports
{
    /// <summary>
    /// For each measured model: its positive/negative cosine histograms and R@5 vs nprobe on the
    /// index it is retrieved from; then one plot of every model's per-step training loss.
    /// </summary>
    public static void AttachModelPlots(InfoNceContext context, IReadOnlyCollection<(ModelRunKey Key, EpochMeasurement Measurement)> models)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(models);
        foreach (var (key, m) in models.DistinctBy(t => (t.Key, t.Measurement.Epoch)))
        {
            context.Scenario.AttachSvg($"{key}, epoch {m.Epoch}: positive and negative cosines",
                CosineHistogram.ToSvg($"{key}, epoch {m.Epoch}: cos(pred, target) vs in-batch negatives", m.Predictions, m.EvalKeys));
            var sweep = context.Session.RecallByNprobe(key, m.Epoch);
            if (sweep.Count > 0)
                context.Scenario.AttachSvg($"{key}, epoch {m.Epoch}: R@5 vs nprobe", InfoNcePlots.RecallByNprobe($"{key}, epoch {m.Epoch}: the same predictions at each nprobe", sweep));
        }

        var runs = models.Select(t => t.Key).Distinct().Select(k => context.Session.Train(k, 1)).ToList();
        context.Scenario.AttachSvg("Training curves", InfoNcePlots.TrainingCurves("InfoNCE loss of every optimizer step", runs));
    }
}
