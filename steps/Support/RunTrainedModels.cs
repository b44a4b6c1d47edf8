using Nvf.Core.Nvf;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The run's memo of databases and trained NVF models (<see cref="TrainedModels"/>): made when the run starts, shared by its
/// scenarios (a Background's training happens once per run), cleared when the run finishes.
/// </summary>
public sealed class RunTrainedModels : TrainedModels, IRunScoped
{
    /// <inheritdoc/>
    public void Dispose() => Clear();
}
