using Nvf.Cli.CommandLine;
using Nvf.Core.Artifacts;
using Nvf.Core.History;
using Nvf.Core.Provenance;
using Nvf.Gherkin.Parsing;
using Nvf.Gate;
using Spectre.Console;

namespace Nvf.Cli.Gate;

/// <summary>
/// `nvf gate`: runs the suite with live progress, records the run in the history (artifacts/runs/&lt;id&gt;/),
/// writes the reports (with the history section: regressions and trends) to the run folder and the output
/// folder, prints the verdicts, and returns 0 pass / 1 fail.
/// </summary>
public static class GateRun
{
    /// <summary>The baseline the gate compares with: fixtures/baselines/gate.json (the regression feature reads the same).</summary>
    public const string BaselineName = GateRecorder.BaselineName;

    /// <summary>Runs the gate.</summary>
    /// <param name="request">The options given.</param>
    /// <param name="console">Where progress and verdicts go.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(GateRequest request, IAnsiConsole console) => (await RunWithRecordingAsync(request, console)).ExitCode;

    /// <summary>Runs the gate and returns the exit code with what was recorded (for commands built on the gate, e.g. `nvf evaluate`).</summary>
    /// <param name="request">The options given.</param>
    /// <param name="console">Where progress and verdicts go.</param>
    public static async Task<(int ExitCode, GateRecording Recording)> RunWithRecordingAsync(GateRequest request, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var root = Repository.Root;
        var config = request.ConfigPath is null ? new GateConfig() : GateConfig.Load(request.ConfigPath);
        var tagText = request.Tags ?? config.Tags;
        var tags = tagText is null ? null : TagExpression.Parse(tagText);
        var output = Path.GetFullPath(request.OutputDirectory ?? Path.Combine(root, "artifacts", "reports"));
        try
        {
            // Fail before a long run, not after it, when the report folder cannot be made.
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {request.OutputDirectory}: cannot create the report folder: {e.Message}", e);
        }

        var featuresFolder = config.Features ?? SuiteRunner.DefaultFeatures;
        if (!Directory.Exists(featuresFolder))
        {
            throw new UsageException($"features folder {featuresFolder} does not exist; expected the suite's features/ (copied beside nvf.dll) or a \"features\" folder named in --config.");
        }

        var catalog = FeatureCatalog.Load(featuresFolder);
        var scenarios = SuiteRunner.Select(catalog, tags);
        if (scenarios.Count == 0)
        {
            throw new UsageException($"--tags \"{tagText}\" selects none of the {catalog.Features.Sum(f => f.Scenarios.Count)} scenarios in {featuresFolder}.");
        }

        var inputs = Inputs(request, config, root, featuresFolder, output);
        console.MarkupLine($"[bold]nvf gate[/]: {scenarios.Count} scenarios from {Markup.Escape(featuresFolder)}{(tags is null ? "" : $" matching {Markup.Escape(tags.Text)}")}");
        MachineLine(console);
        var display = new ProgressDisplay(console, scenarios.Count, ProgressDisplay.IsLive(console));
        var report = await display.RunAsync(progress => SuiteRunner.RunAsync(scenarios, catalog.RefusedFiles, inputs, progress));

        var recording = GateRecorder.Record(report, new GateRunSettings(root, output, config.ReportName, featuresFolder, tagText, request.ConfigPath is null ? [] : [Path.GetFullPath(request.ConfigPath)], request.CompareWithBaseline)
        {
            Name = request.Name,
            Labels = request.Labels,
        });
        console.WriteLine();
        VerdictDisplay.Write(console, report, recording.Comparison, recording.Record.Answers);
        if (recording.Record.Provenance.PeakRssBytes is { } peak)
        {
            var top = recording.Record.Scenarios.Where(s => s.PeakRssBytes is not null).MaxBy(s => s.PeakRssBytes);
            console.MarkupLine($"peak resident memory: {ProcessMemory.Describe(peak)}{(top is null ? "" : $" (in \"{Markup.Escape(top.Scenario)}\")")}");
        }

        console.MarkupLine($"reports: {Markup.Escape(string.Join(", ", recording.Files))}");
        console.MarkupLine($"run {recording.Record.RunId} recorded in {Markup.Escape(recording.RunFolder)} (re-render: nvf report {recording.Record.RunId})");
        return (report.Succeeded ? ExitCodes.Passed : ExitCodes.Failed, recording);
    }

    // The run's inputs, handed to the steps as one object (no environment variable): a command's own files (`nvf evaluate`,
    // `nvf watch`) replace every artifact variable of the shell, so a payload set there cannot mix with the files named on
    // the command line; else the config's "environment", then the shell's. The features folder the regression check judges
    // the run's scope against is the one loaded here; the checkout it records into is the one it was started in.
    static GateInputs Inputs(GateRequest request, GateConfig config, string root, string featuresFolder, string output) => GateInputs.From(name =>
        name == GateInputs.FeaturesVariable ? featuresFolder
        : name == GateInputs.OutputVariable ? output
        : name == RepositoryLayout.RootVariable ? root
        : request.Environment?.GetValueOrDefault(name) is { } given ? given
        : request.Environment is not null && ArtifactSources.Variables.Contains(name) ? null
        : config.Environment.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name), request.Evaluation);

    // One line on what timings depend on, and the generic-kernel warning when OpenBLAS runs generic kernels.
    static void MachineLine(IAnsiConsole console)
    {
        var blas = MachineProfile.Blas;
        console.MarkupLine(Markup.Escape(FormattableString.Invariant(
            $"machine: {MachineProfile.Fingerprint.Cpu}, {MachineProfile.Fingerprint.Cores} cores; BLAS: {blas.Kernel}, sgemm {blas.SgemmGflops:F0} GFLOPS")));
        if (blas.Warning is { } warning)
        {
            console.MarkupLine($"[yellow bold]warning:[/] {Markup.Escape(warning)}");
        }
    }
}
