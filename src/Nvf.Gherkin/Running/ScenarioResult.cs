using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>What happened to one scenario: its hooks and steps, in order.</summary>
public sealed class ScenarioResult
{
    internal ScenarioResult(ScenarioInfo scenario, DateTimeOffset startedAt, bool dryRun)
    {
        Scenario = scenario;
        StartedAt = startedAt;
        DryRun = dryRun;
    }

    /// <summary>The scenario.</summary>
    public ScenarioInfo Scenario { get; }

    /// <summary>When it started (UTC).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>True when only the binding was checked (nothing ran).</summary>
    public bool DryRun { get; }

    /// <summary>Wall time from the first before-hook to the last after-hook.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>Before-scenario hooks, in run order.</summary>
    public List<HookResult> BeforeHooks { get; } = [];

    /// <summary>Steps (Background first), in order.</summary>
    public List<StepResult> Steps { get; } = [];

    /// <summary>After-scenario hooks, in run order.</summary>
    public List<HookResult> AfterHooks { get; } = [];

    /// <summary>Metrics the steps recorded, in the order they were recorded.</summary>
    public List<Metric> Metrics { get; } = [];

    /// <summary>The peak resident memory of the process during the scenario, in bytes, when a hook measured it (<see cref="ScenarioEvidence.RecordPeakMemory"/>).</summary>
    public long? PeakResidentBytes { get; internal set; }

    /// <summary>Answers to the research notes' questions the steps recorded, in order.</summary>
    public List<Answer> Answers { get; } = [];

    /// <summary>Why the scenario was skipped, or null when it was not.</summary>
    public string? SkipReason { get; internal set; }

    /// <summary>
    /// The scenario's outcome: Failed if anything failed, else Ambiguous, Undefined or Pending if any step
    /// is, else Skipped when a precondition could not be met, else Passed.
    /// </summary>
    public StepStatus Status
    {
        get
        {
            var statuses = Steps.Select(s => s.Status).Concat(BeforeHooks.Concat(AfterHooks).Select(h => h.Status)).ToList();
            foreach (var worst in new[] { StepStatus.Failed, StepStatus.Ambiguous, StepStatus.Undefined, StepStatus.Pending })
            {
                if (statuses.Contains(worst))
                {
                    return worst;
                }
            }

            return SkipReason is null ? StepStatus.Passed : StepStatus.Skipped;
        }
    }

    /// <summary>
    /// What went wrong, in order: each failed hook ("[Kind] location"), then each step that neither passed nor was
    /// skipped ("Keyword text"), with its error (null when it has none).
    /// </summary>
    public IEnumerable<(string Where, string? Error)> Problems =>
        BeforeHooks.Concat(AfterHooks).Where(h => h.Status == StepStatus.Failed).Select(h => ($"[{h.Kind}] {h.Location}", h.Error))
            .Concat(Steps.Where(s => s.Status is not (StepStatus.Passed or StepStatus.Skipped)).Select(s => ($"{s.Step.Keyword}{s.Step.Text}", s.Error)));

    /// <summary>The text a test runner shows for a scenario that did not pass: each problem with its step line.</summary>
    public string FailureMessage
    {
        get
        {
            var problems = BeforeHooks.Concat(AfterHooks)
                .Where(h => h.Status == StepStatus.Failed)
                .Select(h => $"[{h.Kind}] {h.Location} failed: {h.Error}")
                .Concat(Steps
                    .Where(s => s.Status is StepStatus.Failed or StepStatus.Undefined or StepStatus.Pending or StepStatus.Ambiguous)
                    .Select(s => $"{Scenario.Feature.Uri}:{s.Step.Line}: {s.Step.Keyword}{s.Step.Text} — {s.Status.ToString().ToLowerInvariant()}:{Environment.NewLine}{s.Error}"));
            return string.Join(Environment.NewLine + Environment.NewLine, problems);
        }
    }
}
