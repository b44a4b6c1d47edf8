using System.Runtime;
using Nvf.Core.Provenance;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The peak resident memory of each scenario (the process's peak is reset before it starts and read when it
/// ends), kept with the scenario's result for the run record and the report; and the release of what a scenario left behind: a full
/// garbage collection after every scenario returns the large arrays no longer referenced (payload-sized
/// encodings, index training samples) to the system before the next scenario allocates its own, and the native
/// heap gives back what disposed indexes freed.
/// </summary>
[Binding]
public sealed class MemoryLedger(ScenarioEvidence context)
{
    /// <summary>Starts the scenario's peak window.</summary>
    [BeforeScenario]
    public void StartWindow() => ProcessMemory.ResetPeak();

    /// <summary>Records the scenario's peak, then frees its garbage.</summary>
    [AfterScenario]
    public void CloseWindow()
    {
        if (ProcessMemory.PeakBytes is { } peak)
        {
            context.RecordPeakMemory(peak);
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        global::Nvf.Faiss.FaissRuntime.ReturnFreedMemory();
    }

    /// <summary>
    /// Before a feature that is not an InfoNCE one, frees the InfoNCE workspaces (the 584,000 x 768 payload, its index,
    /// the trained models): the features run grouped by folder, so nothing after the InfoNCE ones needs them.
    /// </summary>
    /// <param name="feature">Reqnroll's context of the feature about to run.</param>
    [BeforeFeature]
    public static void ReleaseInfoNceWhenLeaving(FeatureContext feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (!feature.FeatureInfo.Tags.Any(t => t.TrimStart('@') == "infonce"))
        {
            global::Nvf.Core.InfoNce.InfoNceSessions.ReleaseAll();
            global::Nvf.Faiss.FaissRuntime.ReturnFreedMemory();
        }
    }
}
