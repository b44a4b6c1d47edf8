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
    /// After each scenario, releases the InfoNCE data (the 584,000 x 768 payload, its index, the trained models; a real
    /// corpus's) once no scenario left in the run needs that kind (by its tag: @infonce, @infonce-real): what the run holds
    /// depends on what is left to run, whatever the order of the features. A run not told its plan keeps them to its end.
    /// </summary>
    /// <param name="soFar">The run so far and what is left.</param>
    /// <param name="sessions">The run's InfoNCE sessions.</param>
    [AfterScenario(Order = 100)]
    public static void ReleaseWhatNothingLeftNeeds(RunSoFar soFar, RunInfoNceSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(soFar);
        ArgumentNullException.ThrowIfNull(sessions);
        if (soFar.Remaining is not { } remaining)
        {
            return;
        }

        foreach (var kind in sessions.Kinds.Where(kind => !remaining.Any(s => s.HasTag(kind))).ToList())
        {
            sessions.ReleaseKind(kind);
            global::Nvf.Faiss.FaissRuntime.ReturnFreedMemory();
        }
    }
}
