using System.Diagnostics;
using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Reports;

namespace Nvf.Gherkin.Running;

/// <summary>
/// One test run: test-run hooks around everything, feature hooks around each feature's scenarios,
/// one scenario at a time, and the reports at the end. The xunit adapter drives it; tests and tools can too.
/// </summary>
public sealed class GherkinRun
{
    readonly BindingRegistry registry;
    readonly ScenarioRunner runner;
    readonly SemaphoreSlim oneAtATime = new(1, 1);
    readonly List<ScenarioResult> results = [];
    readonly List<HookResult> runHooks = [];
    readonly Stopwatch clock = new();
    DateTimeOffset startedAt;
    FeatureInfo? currentFeature;
    HookResult? runFailure;
    HookResult? featureFailure;

    /// <summary>Prepares a run.</summary>
    /// <param name="registry">The bindings.</param>
    /// <param name="options">Dry run, report folder and name.</param>
    public GherkinRun(BindingRegistry registry, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        this.registry = registry;
        Options = options;
        runner = new ScenarioRunner(registry, options, new RunSoFar(() => results.ToList()));
    }

    /// <summary>The options of this run.</summary>
    public RunOptions Options { get; }

    /// <summary>Scenario results so far, in run order.</summary>
    public IReadOnlyList<ScenarioResult> Results => results;

    /// <summary>Test-run and feature hooks that ran so far.</summary>
    public IReadOnlyList<HookResult> RunHooks => runHooks;

    /// <summary>Runs the before-test-run hooks (not in a dry run). A failure fails every scenario of the run.</summary>
    public async Task StartAsync()
    {
        startedAt = DateTimeOffset.UtcNow;
        clock.Start();
        runFailure = await RunStaticHooksAsync(HookKind.BeforeTestRun, [], null);
    }

    /// <summary>Runs one scenario, closing the previous feature and opening this one's when it changes.</summary>
    /// <param name="scenario">The scenario.</param>
    public async Task<ScenarioResult> RunScenarioAsync(ScenarioInfo scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await oneAtATime.WaitAsync();
        try
        {
            if (currentFeature != scenario.Feature)
            {
                await CloseFeatureAsync();
                currentFeature = scenario.Feature;
                featureFailure = await RunStaticHooksAsync(HookKind.BeforeFeature, scenario.Feature.Tags.Select(t => t.Name), scenario.Feature);
            }

            Options.Progress?.Invoke(new RunProgress(RunProgressKind.ScenarioStarted, scenario, null, null, null));
            var result = (runFailure ?? featureFailure) is { } failure
                ? Blocked(scenario, failure)
                : await runner.RunAsync(scenario);
            results.Add(result);
            Options.Progress?.Invoke(new RunProgress(RunProgressKind.ScenarioFinished, scenario, null, null, result));
            return result;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Closes the last feature, runs the after-test-run hooks and writes the reports.</summary>
    /// <param name="refusedFiles">Feature files that did not compile (uri to errors), shown in the reports.</param>
    /// <returns>The report data and the files written (none when no report folder is set).</returns>
    public async Task<(RunReport Report, IReadOnlyList<string> Files)> FinishAsync(IReadOnlyDictionary<string, string>? refusedFiles = null)
    {
        await oneAtATime.WaitAsync();
        try
        {
            await CloseFeatureAsync();
            await RunStaticHooksAsync(HookKind.AfterTestRun, [], null);
            var report = new RunReport(results.ToList(), runHooks.ToList(), refusedFiles ?? new Dictionary<string, string>(), startedAt, clock.Elapsed, Options.DryRun);
            if (Options.ReportDirectory is null)
            {
                return (report, []);
            }

            var recorder = FindRecorder(out var recorderError);
            if (recorder is not null)
            {
                try
                {
                    return (report, recorder.Record(report, Options.ReportDirectory, Options.ReportName));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    recorderError = $"{recorder.GetType().Name}.Record failed; the plain reports were written instead: {MethodInvoker.Describe(e)}";
                }
            }

            if (recorderError is not null)
            {
                runHooks.Add(new HookResult(HookKind.AfterTestRun, nameof(IRunRecorder), StepStatus.Failed, TimeSpan.Zero, recorderError, []));
                report = report with { RunHooks = runHooks.ToList() };
            }

            return (report, ReportFiles.WriteAll(report, Options.ReportDirectory, Options.ReportName));
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Runs every scenario of the features in order between <see cref="StartAsync"/> and <see cref="FinishAsync"/>.</summary>
    /// <param name="features">The features to run.</param>
    public async Task<RunReport> RunAllAsync(IEnumerable<FeatureInfo> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        await StartAsync();
        foreach (var scenario in ScenarioOrder.Arrange(features.SelectMany(f => f.Scenarios)))
        {
            await RunScenarioAsync(scenario);
        }

        return (await FinishAsync()).Report;
    }

    // The one public IRunRecorder in the assemblies that hold the bindings, or null (error set when it cannot be made).
    IRunRecorder? FindRecorder(out string? error)
    {
        error = null;
        var candidates = registry.Steps.Select(s => s.Method.DeclaringType).Concat(registry.Hooks.Select(h => h.Method.DeclaringType))
            .OfType<Type>().Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IRunRecorder).IsAssignableFrom(t))
            .ToList();
        if (candidates.Count > 1)
        {
            error = $"{candidates.Count} run recorders ({string.Join(", ", candidates.Select(t => t.FullName))}); expected at most one public IRunRecorder beside the bindings.";
            return null;
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates[0].GetConstructor(Type.EmptyTypes) is null)
        {
            error = $"{candidates[0].FullName} has no public parameterless constructor; expected one so the runner can create it.";
            return null;
        }

        return (IRunRecorder)Activator.CreateInstance(candidates[0])!;
    }

    async Task CloseFeatureAsync()
    {
        if (currentFeature is not null)
        {
            await RunStaticHooksAsync(HookKind.AfterFeature, currentFeature.Tags.Select(t => t.Name), currentFeature);
            currentFeature = null;
            featureFailure = null;
        }
    }

    // Returns the first failed hook, or null. After-hooks run to the end whatever happens; before-hooks stop at a failure.
    async Task<HookResult?> RunStaticHooksAsync(HookKind kind, IEnumerable<string> tags, FeatureInfo? feature)
    {
        if (Options.DryRun)
        {
            return null;
        }

        HookResult? firstFailure = null;
        foreach (var hook in registry.HooksFor(kind, tags))
        {
            var hookClock = Stopwatch.StartNew();
            HookResult result;
            try
            {
                var arguments = hook.Method.GetParameters()
                    .Select(p => p.ParameterType == typeof(FeatureInfo) && feature is not null
                        ? feature
                        : throw new InvalidOperationException($"{hook.Location}: a [{kind}] hook can take only a FeatureInfo parameter (feature hooks); got {p.ParameterType.Name}."))
                    .ToArray<object?>();
                await MethodInvoker.InvokeAsync(hook.Method, null, arguments);
                result = new HookResult(kind, hook.Location, StepStatus.Passed, hookClock.Elapsed, null, []);
            }
            catch (Exception e)
            {
                result = new HookResult(kind, hook.Location, StepStatus.Failed, hookClock.Elapsed, MethodInvoker.Describe(e), []);
            }

            runHooks.Add(result);
            if (result.Status == StepStatus.Failed)
            {
                firstFailure ??= result;
                if (kind is HookKind.BeforeTestRun or HookKind.BeforeFeature)
                {
                    break;
                }
            }
        }

        return firstFailure;
    }

    ScenarioResult Blocked(ScenarioInfo scenario, HookResult failure)
    {
        var result = new ScenarioResult(scenario, DateTimeOffset.UtcNow, Options.DryRun);
        result.BeforeHooks.Add(failure);
        foreach (var step in scenario.Steps)
        {
            var match = registry.Match(step);
            var location = match.Candidates.Count == 1 ? match.Candidates[0].Binding.Location : null;
            result.Steps.Add(new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, null, location, [], []));
        }

        return result;
    }
}
