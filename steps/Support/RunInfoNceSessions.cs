using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.RealData;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The run's InfoNCE sessions (<see cref="InfoNceSessionCache"/>: the 584,000 x 768 payload, its index, the trained models):
/// made when the run starts, shared by its scenarios, released by <see cref="MemoryLedger"/> once no scenario left in the run
/// needs a kind of data, and entirely when the run ends.
/// </summary>
public sealed class RunInfoNceSessions : InfoNceSessionCache, IRunScoped
{
    /// <summary>The run's sessions; models trained on generated data are kept in the checkout's model cache (artifacts/cache/models).</summary>
    public RunInfoNceSessions()
        : base(() => new TrainedModelStore(RealTextEncoder.ModelCacheFolder))
    {
    }

    /// <summary>The kind (and tag) of the real-data InfoNCE features' sessions.</summary>
    public const string RealKind = "infonce-real";
}
