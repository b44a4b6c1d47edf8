using System.Diagnostics;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Reports;

namespace Nvf.Gherkin.Running;

/// <summary>
/// One test run on Reqnroll's engine: test-run hooks around everything, feature hooks around each feature's
/// scenarios, one scenario at a time, and the reports at the end. The xunit adapter and <c>nvf gate</c> drive it;
/// tests and tools can too.
/// </summary>
public sealed class GherkinRun
{
    readonly BindingSource bindings;
    readonly ReqnrollEngine engine;
    readonly RunSoFar soFar;
    readonly SemaphoreSlim oneAtATime = new(1, 1);
    readonly List<ScenarioResult> results = [];
    readonly Stopwatch clock = new();
    DateTimeOffset startedAt;
    FeatureInfo? currentFeature;
    HookResult? runFailure;
    HookResult? featureFailure;

    /// <summary>Prepares a run.</summary>
    /// <param name="bindings">Where Reqnroll finds the step definitions and hooks.</param>
    /// <param name="options">Dry run, report folder and name, progress, shared objects.</param>
    public GherkinRun(BindingSource bindings, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(options);
        this.bindings = bindings;
        Options = options;
        engine = new ReqnrollEngine(bindings, options);
        soFar = new RunSoFar(() => results.ToList(), () => plan?.Where(s => !results.Any(r => r.Scenario.Id == s.Id) && s.Id != running?.Id).ToList());
    }

    /// <summary>The options of this run.</summary>
    public RunOptions Options { get; }

    // Which scenario recorded each metric name so far: a name is recorded once per run.
    readonly Dictionary<string, string> metricOwners = new(StringComparer.Ordinal);

    // The run-scoped objects of this run (IRunScoped), made at start and disposed at finish.
    List<IRunScoped> runScoped = [];

    // The scenarios the run was told it will run (null when not told), and the one running now.
    IReadOnlyList<ScenarioInfo>? plan;
    ScenarioInfo? running;

    /// <summary>Tells the run which scenarios it will run (in any order), so that <see cref="RunSoFar.Remaining"/> can say what is left.</summary>
    /// <param name="scenarios">The scenarios of the run.</param>
    public void Plan(IEnumerable<ScenarioInfo> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        plan = scenarios.ToList();
    }

    /// <summary>Scenario results so far, in run order.</summary>
    public IReadOnlyList<ScenarioResult> Results => results;

    /// <summary>Test-run and feature hooks that ran so far.</summary>
    public IReadOnlyList<HookResult> RunHooks => engine.RunHooks;

    /// <summary>Builds the bindings and runs the before-test-run hooks (not in a dry run). A failure fails every scenario of the run.</summary>
    public async Task StartAsync()
    {
        startedAt = DateTimeOffset.UtcNow;
        clock.Start();
        runScoped = bindings.Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IRunScoped).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IRunScoped)Activator.CreateInstance(t)!)
            .ToList();
        runFailure = await engine.StartAsync();
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
                await engine.CloseFeatureAsync();
                currentFeature = scenario.Feature;
                featureFailure = runFailure is null ? await engine.OpenFeatureAsync(scenario.Feature) : null;
            }

            running = scenario;
            Options.Progress?.Invoke(new RunProgress(RunProgressKind.ScenarioStarted, scenario, null, null, null));
            var result = new ScenarioResult(scenario, DateTimeOffset.UtcNow, Options.DryRun);
            var scenarioClock = Stopwatch.StartNew();
            if ((runFailure ?? featureFailure) is { } failure)
            {
                Block(result, failure);
            }
            else
            {
                var evidence = new ScenarioEvidence(scenario, result, Options.Progress, metricOwners);
                await engine.RunScenarioAsync(result, evidence, Options.SharedInstances.Concat(runScoped).Append(soFar));
            }

            result.Duration = scenarioClock.Elapsed;
            results.Add(result);
            running = null;
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
            await engine.FinishAsync();
            foreach (var scoped in runScoped)
            {
                scoped.Dispose();
            }

            runScoped = [];
            var runHooks = engine.RunHooks.ToList();
            var report = new RunReport(results.ToList(), runHooks, refusedFiles ?? new Dictionary<string, string>(), startedAt, clock.Elapsed, Options.DryRun);
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
                    recorderError = $"{recorder.GetType().Name}.Record failed; the plain reports were written instead: {ExceptionText.Describe(e)}";
                }
            }

            if (recorderError is not null)
            {
                runHooks.Add(new HookResult(HookKind.AfterTestRun, nameof(IRunRecorder), StepStatus.Failed, TimeSpan.Zero, recorderError, []));
                report = report with { RunHooks = runHooks };
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
        var scenarios = ScenarioOrder.Arrange(features.SelectMany(f => f.Scenarios)).ToList();
        Plan(scenarios);
        foreach (var scenario in scenarios)
        {
            await RunScenarioAsync(scenario);
        }

        return (await FinishAsync()).Report;
    }

    // The one public IRunRecorder in the assembly that holds the bindings, or null (error set when it cannot be made).
    IRunRecorder? FindRecorder(out string? error)
    {
        error = null;
        var candidates = bindings.Assembly.GetExportedTypes()
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

    // A scenario whose test-run or feature hook failed does not run: the failure is its, its steps are skipped.
    static void Block(ScenarioResult result, HookResult failure)
    {
        result.BeforeHooks.Add(failure);
        foreach (var step in result.Scenario.Steps)
        {
            result.Steps.Add(new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, null, null, [], []));
        }
    }
}
