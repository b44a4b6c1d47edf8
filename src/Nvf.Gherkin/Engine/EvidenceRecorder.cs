using System.Diagnostics;
using System.Text.RegularExpressions;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;
using Reqnroll;
using StepInfo = Nvf.Gherkin.Model.StepInfo;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Events;

namespace Nvf.Gherkin.Engine;

/// <summary>
/// Listens to Reqnroll's execution events and turns them into the run's results: each step's status,
/// duration, error and binding; each hook's; and the evidence (attachments) filed under the step or hook
/// that made it. One per run; Reqnroll runs one scenario at a time here.
/// </summary>
internal sealed class EvidenceRecorder(RunOptions options) : IAsyncExecutionEventListener
{
    readonly List<HookResult> runHooks = [];
    readonly Stopwatch stepClock = new();
    readonly Stopwatch hookClock = new();
    ScenarioResult? result;
    ScenarioEvidence? evidence;
    List<Attachment>? hookAttachments;
    List<Attachment>? stepAttachments;
    List<Attachment> finishedStepAttachments = [];
    int nextStep;
    string? beforeStepFailure;

    /// <summary>Test-run and feature hooks that ran so far.</summary>
    public IReadOnlyList<HookResult> RunHooks => runHooks;

    /// <summary>Set by the engine: turns an undefined step into the snippet that would bind it.</summary>
    public Func<IScenarioStepContext, string>? Snippet { get; set; }

    /// <summary>Starts filing events under this scenario.</summary>
    public void Begin(ScenarioResult scenario, ScenarioEvidence scenarioEvidence)
    {
        result = scenario;
        evidence = scenarioEvidence;
        nextStep = 0;
        hookAttachments = null;
        stepAttachments = null;
        finishedStepAttachments = [];
    }

    /// <summary>Records a failure of a run stage that no hook event carried (e.g. the bindings do not build).</summary>
    public void AddRunHook(HookResult hook) => runHooks.Add(hook);

    /// <summary>Stops filing events under the scenario.</summary>
    public void End()
    {
        result = null;
        evidence = null;
    }

    /// <summary>Records a step that never finished in Reqnroll as failed (the engine threw before its finished event).</summary>
    public void FailStep(StepInfo step, string error)
    {
        if (result is not null && nextStep < result.Scenario.Steps.Count && result.Scenario.Steps[nextStep] == step)
        {
            result.Steps.Add(new StepResult(step, StepStatus.Failed, stepClock.Elapsed, error, null, [], stepAttachments ?? []));
            nextStep++;
            stepAttachments = null;
        }
    }

    /// <summary>Records a step not run because the engine failed on an earlier one.</summary>
    public void SkipStep(StepInfo step)
    {
        if (result is not null && nextStep < result.Scenario.Steps.Count && result.Scenario.Steps[nextStep] == step)
        {
            result.Steps.Add(new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, null, null, [], []));
            nextStep++;
        }
    }

    /// <summary>Fails the last step run: an [AfterStep] hook threw after it finished.</summary>
    public void FailLastStep(string error)
    {
        if (result is { Steps.Count: > 0 } r && r.Steps[^1].Status == StepStatus.Passed)
        {
            r.Steps[^1] = r.Steps[^1] with { Status = StepStatus.Failed, Error = error };
        }
    }

    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        OnEvent(executionEvent);
        return Task.CompletedTask;
    }

    void OnEvent(IExecutionEvent executionEvent)
    {
        switch (executionEvent)
        {
            case HookBindingStartedEvent started:
                hookClock.Restart();
                hookAttachments = started.HookBinding.HookType switch
                {
                    HookType.BeforeStep => stepAttachments = [],
                    HookType.AfterStep => finishedStepAttachments,
                    _ => [],
                };
                if (started.HookBinding.HookType == HookType.BeforeStep && evidence is not null && result is not null && nextStep < result.Scenario.Steps.Count)
                {
                    evidence.CurrentStep = result.Scenario.Steps[nextStep];
                }

                evidence?.DirectAttachmentsTo(hookAttachments);
                break;
            case OutputAddedEvent output:
                evidence?.AppendOutput(output.Text);
                break;
            case AttachmentAddedEvent attachment:
                // Reqnroll publishes this without awaiting; a file that cannot be embedded fails the step through
                // the attachment handler, which Reqnroll calls right after.
                try
                {
                    evidence?.AttachFile(attachment.FilePath);
                }
                catch (Exception e) when (e is IOException or NotSupportedException or ArgumentException or UnauthorizedAccessException)
                {
                }

                break;
            case HookBindingFinishedEvent finished:
                OnHookFinished(finished);
                break;
            case StepStartedEvent:
                if (result is not null && evidence is not null && nextStep < result.Scenario.Steps.Count)
                {
                    stepAttachments ??= [];
                    evidence.CurrentStep = result.Scenario.Steps[nextStep];
                    evidence.DirectAttachmentsTo(stepAttachments);
                    options.Progress?.Invoke(new RunProgress(RunProgressKind.StepStarted, result.Scenario, evidence.CurrentStep, null, null));
                }

                stepClock.Restart();
                break;
            case StepFinishedEvent finished when result is not null && nextStep < result.Scenario.Steps.Count:
                finishedStepAttachments = stepAttachments ?? [];
                result.Steps.Add(StepResultOf(result.Scenario.Steps[nextStep++], finished.StepContext, stepClock.Elapsed, finishedStepAttachments));
                // The step stays current through its [AfterStep] hooks.
                stepAttachments = null;
                break;
        }
    }

    void OnHookFinished(HookBindingFinishedEvent finished)
    {
        var kind = KindOf(finished.HookBinding.HookType);
        if (kind is null)
        {
            return;
        }

        var exception = finished.HookException;
        var status = exception switch
        {
            null => StepStatus.Passed,
            ScenarioSkippedException => StepStatus.Skipped,
            _ => StepStatus.Failed,
        };
        var hook = new HookResult(kind.Value, LocationOf(finished.HookBinding.Method), status, hookClock.Elapsed, exception is null ? null : ExceptionText.Describe(exception), hookAttachments ?? []);
        hookAttachments = null;
        if (exception is ScenarioSkippedException skipped && result is not null)
        {
            result.SkipReason ??= skipped.Message;
        }

        switch (kind.Value)
        {
            case HookKind.BeforeScenario:
                result?.BeforeHooks.Add(hook);
                break;
            case HookKind.AfterScenario:
                result?.AfterHooks.Add(hook);
                break;
            case HookKind.BeforeStep or HookKind.AfterStep:
                // A step hook's failure shows on its step; its attachments are the step's.
                if (status == StepStatus.Failed && kind == HookKind.BeforeStep)
                {
                    beforeStepFailure = $"a [BeforeStep] hook failed: {hook.Error}";
                }

                break;
            default:
                runHooks.Add(hook);
                break;
        }
    }

    StepResult StepResultOf(StepInfo step, IScenarioStepContext context, TimeSpan duration, List<Attachment> attachments)
    {
        var match = context.StepInfo?.BindingMatch;
        var binding = match is { Success: true } ? match.StepBinding : null;
        var location = binding is null ? null : LocationOf(binding.Method);
        var captures = binding is null ? [] : CapturesOf(binding, step.Text);
        var error = context.StepError;
        var hookFailure = beforeStepFailure;
        beforeStepFailure = null;
        switch (context.Status)
        {
            case ScenarioExecutionStatus.OK:
                return options.DryRun
                    ? new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, "dry run: bound, not run", location, captures, [])
                    : new StepResult(step, StepStatus.Passed, duration, null, location, captures, attachments);
            case ScenarioExecutionStatus.UndefinedStep:
                return new StepResult(step, StepStatus.Undefined, TimeSpan.Zero, "undefined step: no binding matches it. Paste this into a [Binding] class:" + Environment.NewLine + Snippet?.Invoke(context), null, [], []);
            case ScenarioExecutionStatus.StepDefinitionPending:
                return new StepResult(step, StepStatus.Pending, duration, $"pending: {step.Keyword}{step.Text} — {error?.Message}", location, captures, attachments);
            case ScenarioExecutionStatus.BindingError when ReqnrollContract.IsAmbiguity(error):
                return new StepResult(step, StepStatus.Ambiguous, TimeSpan.Zero, error!.Message, null, [], []);
            case ScenarioExecutionStatus.Skipped when error is ScenarioSkippedException skipped:
                if (result is not null)
                {
                    result.SkipReason ??= skipped.Message;
                }

                return new StepResult(step, StepStatus.Skipped, duration, skipped.Message, location, captures, attachments);
            case ScenarioExecutionStatus.Skipped:
                return new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, null, location, captures, attachments);
            default:
                return new StepResult(step, StepStatus.Failed, duration, hookFailure ?? (error is null ? "the step failed without an exception" : ExceptionText.Describe(error)), location, captures, attachments);
        }
    }

    // The texts the binding's expression captured, as the step wrote them.
    static IReadOnlyList<string> CapturesOf(IStepDefinitionBinding binding, string text)
    {
        if (binding.Regex is not Regex regex || regex.Match(text) is not { Success: true } match)
        {
            return [];
        }

        return match.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value).ToList();
    }

    /// <summary>"Type.Method(ParamTypes)", as reports show a binding.</summary>
    internal static string LocationOf(IBindingMethod method) =>
        $"{method.Type.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.Type.Name))})";

    static HookKind? KindOf(HookType type) => type switch
    {
        HookType.BeforeTestRun => HookKind.BeforeTestRun,
        HookType.AfterTestRun => HookKind.AfterTestRun,
        HookType.BeforeFeature => HookKind.BeforeFeature,
        HookType.AfterFeature => HookKind.AfterFeature,
        HookType.BeforeScenario => HookKind.BeforeScenario,
        HookType.AfterScenario => HookKind.AfterScenario,
        HookType.BeforeStep => HookKind.BeforeStep,
        HookType.AfterStep => HookKind.AfterStep,
        _ => null,
    };
}
