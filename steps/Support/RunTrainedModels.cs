using Nvf.Core.Pipeline;
using Nvf.Core.RealData;
using Nvf.Core.Training;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The run's memo of databases and trained NVF models (<see cref="TrainedModels"/>): made when the run starts, shared by its
/// scenarios (a Background's training happens once per run), cleared when the run finishes.
/// </summary>
public sealed class RunTrainedModels : TrainedModels, IRunScoped
{
    /// <summary>The run's memo, backed by the checkout's model cache (artifacts/cache/models).</summary>
    public RunTrainedModels()
        : base(() => new TrainedModelStore(RealTextEncoder.ModelCacheFolder))
    {
    }

    /// <inheritdoc/>
    public void Dispose() => Clear();
}
