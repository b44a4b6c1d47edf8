using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Gate;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Core.Provenance;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf baseline accept [RUN]`: makes a recorded run the accepted baseline (fixtures/baselines/gate.json). Explicit only; CI never runs it.</summary>
public static class BaselineCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "A run id or a unique prefix of one (default: the latest run).", Arity = ArgumentArity.ZeroOrOne };
        var allowFailed = new Option<bool>("--allow-failed") { Description = "Accept a run even though some of its scenarios failed." };
        var forThisMachine = new Option<bool>("--for-this-machine") { Description = "Accept only the run's timings, for the machine it ran on (this one): writes fixtures/baselines/machines/gate-<machine>.json, so that runs on this machine compare their timings (commit it from the CI machine)." };
        var accept = new Command("accept", "Make a recorded run the accepted baseline: writes fixtures/baselines/gate.json (commit it).") { run, allowFailed, forThisMachine };
        accept.SetAction(parse => parse.GetValue(forThisMachine) ? AcceptForThisMachine(parse.GetValue(run), parse.GetValue(allowFailed), Terminal.Console) : Accept(parse.GetValue(run), parse.GetValue(allowFailed), Terminal.Console));
        return new Command("baseline", "Manage the accepted baseline the regression check compares with.") { accept };
    }

    static int AcceptForThisMachine(string? runName, bool allowFailed, IAnsiConsole console)
    {
        var root = Repository.Root;
        var record = RunHistory.InRepository(root).Find(runName);
        if (!record.Passed && !allowFailed)
        {
            throw new UsageException($"run {record.RunId} failed; accept a passing run, or pass --allow-failed to accept it anyway.");
        }

        var here = MachineProfile.Fingerprint;
        if (record.Provenance.Fingerprint is { } there && here.Difference(there) is { } difference)
        {
            throw new UsageException($"run {record.RunId} ran on another machine ({difference}); run `nvf gate` on this machine and accept that run.");
        }

        (string Path, Baseline Baseline) accepted;
        try
        {
            accepted = MachineBaselines.Accept(record, root, GateRun.BaselineName, DateTimeOffset.UtcNow);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        console.MarkupLine($"accepted {accepted.Baseline.Metrics.Count} timings of run {record.RunId} for this machine ({Markup.Escape(here.Describe())}), tolerance {Markup.Escape(BaselineAcceptance.TimingTolerance.Describe())} unless already set");
        console.MarkupLine($"wrote {Markup.Escape(accepted.Path)}: runs on this machine now compare their timings; commit it from the CI machine.");
        return ExitCodes.Passed;
    }

    static int Accept(string? runName, bool allowFailed, IAnsiConsole console)
    {
        var root = Repository.Root;
        var record = RunHistory.InRepository(root).Find(runName);
        if (!record.Passed && !allowFailed)
        {
            throw new UsageException($"run {record.RunId} failed; accept a passing run, or pass --allow-failed to accept it anyway.");
        }

        if (record.Metrics.Count == 0)
        {
            throw new UsageException($"run {record.RunId} recorded no metric; a baseline needs the metrics the steps record (run the whole suite).");
        }

        var path = Baseline.PathFor(root, GateRun.BaselineName);
        var previous = File.Exists(path) ? Baseline.Load(path) : null;
        var accepted = BaselineAcceptance.Accept(record, previous, GateRun.BaselineName, DateTimeOffset.UtcNow);
        accepted.Baseline.Save(path);

        var table = new Table().Border(TableBorder.Rounded).Title($"baseline {GateRun.BaselineName} from run {record.RunId}{(record.Full ? "" : " (a filtered run: metrics it did not measure keep their accepted values)")}").AddColumns("Metric", "Expected", "Better", "Tolerance");
        foreach (var (name, metric) in accepted.Baseline.Metrics)
        {
            table.AddRow(Markup.Escape(name), metric.Expected.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), metric.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower", Markup.Escape(metric.Tolerance.Describe()));
        }

        console.Write(table);
        if (accepted.Defaulted.Count > 0)
        {
            console.MarkupLine($"[yellow]no interval, accepted with the default tolerance[/] ({Markup.Escape(BaselineAcceptance.DefaultTolerance.Describe())}; timings {Markup.Escape(BaselineAcceptance.TimingTolerance.Describe())}): {Markup.Escape(string.Join(", ", accepted.Defaulted))}; edit their \"tolerance\" in the file to tighten it.");
        }

        if (accepted.Kept.Count > 0)
        {
            console.MarkupLine($"kept from the previous baseline (not measured by run {record.RunId}): {Markup.Escape(string.Join(", ", accepted.Kept))}");
        }

        console.MarkupLine($"wrote {Markup.Escape(path)}: review and commit it.");
        return ExitCodes.Passed;
    }
}
