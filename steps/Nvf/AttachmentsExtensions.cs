using Nvf.Core.Pipeline;
using Nvf.Core.Plots;
using Nvf.Core.Training;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Attaches NVF's report objects (metrics tables, training curves) to the running step.</summary>
public static class AttachmentsExtensions
{
    /// <summary>Attaches <paramref name="table"/> as a table.</summary>
    public static void Attach(this IAttachments attachments, MetricsTable table) =>
        attachments.AttachTable(table.Title, table.Headers, table.Rows);

    /// <summary>Attaches <paramref name="curve"/> as an inline SVG plot.</summary>
    public static void Attach(this IAttachments attachments, TrainingCurve curve) =>
        attachments.AttachSvg($"training curve: {curve.Title} ({curve.Epochs.Count} epochs, kept {curve.KeptEpoch}, {curve.Seconds:F0} s)", TrainingCurvePlot.Render(curve));
}
