using Nvf.Core.Artifacts;
using Nvf.Gate;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The run recorder of `dotnet test` (the runner finds the one <see cref="IRunRecorder"/> beside the bindings): hands the
/// finished run to <see cref="GateRecorder"/> with the inputs of the run (the scenarios' memory peaks travel with their results).
/// `nvf gate` records through <see cref="GateRecorder"/> itself.
/// </summary>
public sealed class AcceptanceRecorder : IRunRecorder
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Record(RunReport report, string reportDirectory, string reportName)
    {
        var inputs = new GateInputs();
        return GateRecorder.Record(report, new GateRunSettings(inputs.RepositoryRoot, reportDirectory, reportName, SuiteScope.FeaturesFolderOf(inputs), null, [])).Files;
    }
}
