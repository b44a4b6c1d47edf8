using System.Collections.Specialized;
using System.Globalization;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;
using Reqnroll;
using StepInfo = Nvf.Gherkin.Model.StepInfo;

namespace Nvf.Gherkin.Engine;

/// <summary>
/// Drives Reqnroll's runtime the way its generated test classes do, one scenario at a time: test-run
/// hooks, a feature's hooks around its scenarios, and per scenario its hooks and steps. Reqnroll binds,
/// matches, converts arguments, injects and runs; <see cref="EvidenceRecorder"/> turns its execution events into
/// results. One engine per run, with its own containers, so an embedded run can run inside a step.
/// </summary>
internal sealed class ReqnrollEngine
{
    readonly EvidenceRecorder recorder;
    readonly ITestRunnerManager manager;
    ITestRunner? runner;
    Reqnroll.FeatureInfo? openFeature;

    public ReqnrollEngine(BindingSource bindings, RunOptions options)
    {
        recorder = new EvidenceRecorder(options);
        manager = ReqnrollContract.CreateManager(ReqnrollContract.CreateGlobalContainer(bindings, options.DryRun, recorder), bindings.Assembly);
    }

    /// <summary>Test-run and feature hooks that ran so far.</summary>
    public IReadOnlyList<HookResult> RunHooks => recorder.RunHooks;

    /// <summary>Builds the bindings and runs the before-test-run hooks; returns the failed hook, if any.</summary>
    public Task<HookResult?> StartAsync() => FirstFailureOfAsync(() => manager.FireTestRunStartAsync(), HookKind.BeforeTestRun);

    /// <summary>Opens a feature (its before-feature hooks); returns the failed hook, if any.</summary>
    public async Task<HookResult?> OpenFeatureAsync(Model.FeatureInfo feature)
    {
        var language = CultureInfo.GetCultureInfo(feature.Document?.Feature?.Language is { Length: > 0 } code ? code : "en");
        var info = new Reqnroll.FeatureInfo(language, Path.GetDirectoryName(feature.Uri) ?? "", feature.Name, feature.Description, ProgrammingLanguage.CSharp, feature.Tags.Select(t => t.Name.TrimStart('@')).ToArray());
        openFeature = info;
        return await FirstFailureOfAsync(
            () =>
            {
                runner ??= manager.GetTestRunner(info);
                return runner.OnFeatureStartAsync(info);
            },
            HookKind.BeforeFeature);
    }

    /// <summary>Closes the open feature (its after-feature hooks).</summary>
    public async Task CloseFeatureAsync()
    {
        if (runner is not null && openFeature is not null)
        {
            openFeature = null;
            await FirstFailureOfAsync(() => runner.OnFeatureEndAsync(), HookKind.AfterFeature);
        }
    }

    /// <summary>Runs one scenario of the open feature into <paramref name="result"/>.</summary>
    public async Task RunScenarioAsync(ScenarioResult result, ScenarioEvidence evidence, IEnumerable<object> instances)
    {
        var scenario = result.Scenario;
        var testRunner = runner ?? throw new InvalidOperationException("A scenario runs inside an open feature; open its feature first.");
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in scenario.ExampleValues)
        {
            arguments[name] = value;
        }

        var featureTags = scenario.Feature.Tags.Select(t => t.Name.TrimStart('@')).ToHashSet();
        var info = new Reqnroll.ScenarioInfo(scenario.Name, scenario.Description, scenario.Tags.Select(t => t.Name.TrimStart('@')).Where(t => !featureTags.Contains(t)).ToArray(), arguments, featureTags.ToArray(), null);
        testRunner.OnScenarioInitialize(info, scenario.Rule.Length == 0 ? null : new RuleInfo(scenario.Rule, "", []));
        var container = testRunner.ScenarioContext.ScenarioContainer;
        container.RegisterInstanceAs(evidence);
        container.RegisterInstanceAs<IAttachments>(evidence);
        container.RegisterInstanceAs<IMetrics>(evidence);
        container.RegisterInstanceAs(scenario);
        container.RegisterInstanceAs(scenario.Feature);
        foreach (var instance in instances)
        {
            container.RegisterInstanceAs(instance, instance.GetType(), null, false);
        }

        recorder.Snippet = step => ReqnrollContract.SnippetFor(testRunner, step);
        recorder.Begin(result, evidence);
        try
        {
            await testRunner.OnScenarioStartAsync();
            var engineFailed = false;
            foreach (var step in scenario.Steps)
            {
                if (engineFailed)
                {
                    recorder.SkipStep(step);
                }
                else
                {
                    engineFailed = !await RunStepAsync(testRunner, step, result);
                }
            }
        }
        finally
        {
            evidence.CurrentStep = null;
            try
            {
                await testRunner.OnScenarioEndAsync();
            }
            catch (Exception e) when (!result.AfterHooks.Any(h => h.Status == StepStatus.Failed))
            {
                // An after-scenario hook's failure is already recorded; anything else here is disposing the scenario's objects.
                result.AfterHooks.Add(new HookResult(HookKind.AfterScenario, "dispose context objects", StepStatus.Failed, TimeSpan.Zero, ExceptionText.Describe(e), []));
            }
            catch (Exception)
            {
                // Recorded from the hook's finished event.
            }

            recorder.End();
        }
    }

    // False when the engine itself failed on the step (the rest of the scenario is then skipped).
    async Task<bool> RunStepAsync(ITestRunner testRunner, StepInfo step, ScenarioResult result)
    {
        var table = step.Table is null ? null : ToTable(step.Table);
        var text = step.DocString?.Content;
        var recorded = result.Steps.Count;
        try
        {
            await (step.Kind switch
            {
                StepKind.Given => testRunner.GivenAsync(step.Text, text, table, step.Keyword),
                StepKind.When => testRunner.WhenAsync(step.Text, text, table, step.Keyword),
                _ => testRunner.ThenAsync(step.Text, text, table, step.Keyword),
            });
        }
        catch (Exception e) when (result.Steps.Count > recorded)
        {
            // The step finished; what escaped is an [AfterStep] hook's failure, and it fails the step it followed.
            recorder.FailLastStep($"an [AfterStep] hook failed: {ExceptionText.Describe(e)}");
        }
        catch (Exception e)
        {
            // Reqnroll itself failed before the step finished: the step fails with that error, never silently.
            recorder.FailStep(step, $"the engine failed on this step: {ExceptionText.Describe(e)}");
            return false;
        }

        return true;
    }

    /// <summary>Closes the open feature, runs the after-test-run hooks and releases Reqnroll's containers.</summary>
    public async Task FinishAsync()
    {
        await CloseFeatureAsync();
        if (runner is not null)
        {
            manager.ReleaseTestRunnerToPool(runner);
            runner = null;
        }

        await FirstFailureOfAsync(() => manager.DisposeAsync(), HookKind.AfterTestRun);
    }

    static Reqnroll.DataTable ToTable(Model.DataTable table)
    {
        var result = new Reqnroll.DataTable(table.Header.ToArray());
        foreach (var row in table.Rows)
        {
            result.AddRow(row.ToArray());
        }

        return result;
    }

    // Runs a lifecycle call; a hook's failure is recorded from its events, anything else as a failure of that stage.
    async Task<HookResult?> FirstFailureOfAsync(Func<Task> call, HookKind stage)
    {
        var before = recorder.RunHooks.Count;
        try
        {
            await call();
        }
        catch (Exception e) when (recorder.RunHooks.Skip(before).All(h => h.Status != StepStatus.Failed))
        {
            recorder.AddRunHook(new HookResult(stage, "Reqnroll", StepStatus.Failed, TimeSpan.Zero, ExceptionText.Describe(e), []));
        }
        catch (Exception)
        {
            // Recorded from the hook's finished event.
        }

        return recorder.RunHooks.Skip(before).FirstOrDefault(h => h.Status == StepStatus.Failed);
    }
}
