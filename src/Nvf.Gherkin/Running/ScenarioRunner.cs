using System.Diagnostics;
using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>Runs one scenario: before-hooks, steps (each with step hooks), after-hooks (always), then disposal.</summary>
internal sealed class ScenarioRunner(BindingRegistry registry, RunOptions options, RunSoFar soFar)
{
    public async Task<ScenarioResult> RunAsync(ScenarioInfo scenario)
    {
        var result = new ScenarioResult(scenario, DateTimeOffset.UtcNow, options.DryRun);
        var clock = Stopwatch.StartNew();
        if (options.DryRun)
        {
            foreach (var step in scenario.Steps)
            {
                result.Steps.Add(NotRun(step, registry.Match(step), "dry run: bound, not run"));
            }

            result.Duration = clock.Elapsed;
            return result;
        }

        var context = new ScenarioContext(scenario, result.Metrics, options.Progress);
        var container = new ScenarioContainer();
        container.Register(typeof(ScenarioContext), context);
        container.Register(typeof(IAttachments), context);
        container.Register(typeof(IMetrics), context);
        container.Register(typeof(RunSoFar), soFar);
        container.Register(typeof(ScenarioInfo), scenario);
        container.Register(typeof(FeatureInfo), scenario.Feature);
        foreach (var shared in options.SharedInstances)
        {
            container.Register(shared.GetType(), shared);
        }

        var tags = scenario.Tags.Select(t => t.Name).ToList();
        var stopped = await RunHooksAsync(HookKind.BeforeScenario, tags, container, context, result.BeforeHooks, result, stopOnProblem: true);
        foreach (var step in scenario.Steps)
        {
            var match = registry.Match(step);
            if (stopped)
            {
                result.Steps.Add(NotRun(step, match, null));
                continue;
            }

            var stepResult = await RunStepAsync(step, match, tags, container, context, result);
            result.Steps.Add(stepResult);
            stopped = stepResult.Status != StepStatus.Passed;
        }

        context.CurrentStep = null;
        await RunHooksAsync(HookKind.AfterScenario, tags, container, context, result.AfterHooks, result, stopOnProblem: false);
        try
        {
            await container.DisposeAsync();
        }
        catch (Exception e)
        {
            result.AfterHooks.Add(new HookResult(HookKind.AfterScenario, "dispose context objects", StepStatus.Failed, TimeSpan.Zero, MethodInvoker.Describe(e), []));
        }

        result.Duration = clock.Elapsed;
        return result;
    }

    async Task<StepResult> RunStepAsync(StepInfo step, StepMatch match, List<string> tags, ScenarioContainer container, ScenarioContext context, ScenarioResult result)
    {
        if (match.IsUndefined || match.IsAmbiguous)
        {
            return NotRun(step, match, null);
        }

        var (binding, captures) = match.Candidates[0];
        var attachments = new List<Attachment>();
        context.CurrentStep = step;
        options.Progress?.Invoke(new RunProgress(RunProgressKind.StepStarted, result.Scenario, step, null, null));
        var hookResults = new List<HookResult>();
        var clock = Stopwatch.StartNew();
        var (status, error) = (StepStatus.Passed, (string?)null);
        if (await RunHooksAsync(HookKind.BeforeStep, tags, container, context, hookResults, result, stopOnProblem: true, attachments))
        {
            (status, error) = (StepStatus.Failed, "a [BeforeStep] hook failed: " + hookResults.Last().Error);
        }
        else
        {
            try
            {
                // What step hooks and the step attach all belongs to the step.
                context.DirectAttachmentsTo(attachments);
                var arguments = StepArguments.Build(binding, captures, step);
                await MethodInvoker.InvokeAsync(binding.Method, MethodInvoker.TargetFor(binding.Method, container.Resolve), arguments);
            }
            catch (PendingStepException e)
            {
                (status, error) = (StepStatus.Pending, $"pending: {step.Keyword}{step.Text} — {e.Message}");
            }
            catch (ScenarioSkippedException e)
            {
                (status, error) = (StepStatus.Skipped, e.Message);
                result.SkipReason ??= e.Message;
            }
            catch (Exception e)
            {
                (status, error) = (StepStatus.Failed, MethodInvoker.Describe(e));
            }
        }

        await RunHooksAsync(HookKind.AfterStep, tags, container, context, hookResults, result, stopOnProblem: false, attachments);
        var afterFailure = hookResults.FirstOrDefault(h => h.Kind == HookKind.AfterStep && h.Status == StepStatus.Failed);
        if (afterFailure is not null && status == StepStatus.Passed)
        {
            (status, error) = (StepStatus.Failed, $"an [AfterStep] hook failed: {afterFailure.Error}");
        }

        return new StepResult(step, status, clock.Elapsed, error, binding.Location, captures, attachments);
    }

    // Returns true when a hook failed or skipped the scenario (callers that stop on problems skip what follows).
    async Task<bool> RunHooksAsync(HookKind kind, List<string> tags, ScenarioContainer container, ScenarioContext context, List<HookResult> results, ScenarioResult scenario, bool stopOnProblem, List<Attachment>? attachTo = null)
    {
        var problem = false;
        foreach (var hook in registry.HooksFor(kind, tags))
        {
            var attachments = attachTo ?? [];
            context.DirectAttachmentsTo(attachments);
            var clock = Stopwatch.StartNew();
            try
            {
                var arguments = hook.Method.GetParameters().Select(p => container.Resolve(p.ParameterType)).ToArray();
                await MethodInvoker.InvokeAsync(hook.Method, MethodInvoker.TargetFor(hook.Method, container.Resolve), arguments);
                results.Add(new HookResult(kind, hook.Location, StepStatus.Passed, clock.Elapsed, null, attachments));
            }
            catch (ScenarioSkippedException e)
            {
                results.Add(new HookResult(kind, hook.Location, StepStatus.Skipped, clock.Elapsed, e.Message, attachments));
                scenario.SkipReason ??= e.Message;
                problem = true;
            }
            catch (Exception e)
            {
                results.Add(new HookResult(kind, hook.Location, StepStatus.Failed, clock.Elapsed, MethodInvoker.Describe(e), attachments));
                problem = true;
            }

            if (problem && stopOnProblem)
            {
                break;
            }
        }

        return problem;
    }

    static StepResult NotRun(StepInfo step, StepMatch match, string? note) =>
        match.IsUndefined
            ? new StepResult(step, StepStatus.Undefined, TimeSpan.Zero, "undefined step: no binding matches it. Paste this into a [Binding] class:" + Environment.NewLine + SnippetWriter.Write(step), null, [], [])
            : match.IsAmbiguous
                ? new StepResult(step, StepStatus.Ambiguous, TimeSpan.Zero, match.AmbiguityMessage, null, [], [])
                : new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, note, match.Candidates[0].Binding.Location, match.Candidates[0].Captures, []);
}
