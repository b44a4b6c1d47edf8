namespace Nvf.Gherkin.Running;

/// <summary>
/// Takes over writing a finished run's reports, e.g. to add sections (trends across earlier runs, a regression
/// check) and to keep the run in a history. When a run writes reports (<see cref="RunOptions.ReportDirectory"/>
/// set, as under `dotnet test`), the runner looks in the assemblies holding the bindings for one public class
/// implementing this interface with a public parameterless constructor, and lets it write them. None: the runner
/// writes the plain reports itself. A recorder that throws fails the run (as a failed after-test-run hook) and
/// the plain reports are written instead.
/// </summary>
public interface IRunRecorder
{
    /// <summary>Writes the reports of <paramref name="report"/> (at least &lt;name&gt;.cucumber.json, .html, .md in <paramref name="reportDirectory"/>).</summary>
    /// <param name="report">The finished run.</param>
    /// <param name="reportDirectory">The report folder.</param>
    /// <param name="reportName">The reports' file name stem.</param>
    /// <returns>The files written.</returns>
    IReadOnlyList<string> Record(RunReport report, string reportDirectory, string reportName);
}
