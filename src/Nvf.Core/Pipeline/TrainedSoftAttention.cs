using Nvf.Core.Configs;
using Nvf.Core.Training;

namespace Nvf.Core.Pipeline;

/// <summary>A soft attention model after training, with what it was trained on and how.</summary>
/// <param name="Model">The trained model (in eval mode; process-wide when memoised: do not dispose).</param>
/// <param name="Database">The database it searches.</param>
/// <param name="Config">The training config.</param>
/// <param name="Curve">Loss per epoch.</param>
public sealed record TrainedSoftAttention(SoftAttentionModel Model, NvfDatabase Database, SoftAttentionConfig Config, TrainingCurve Curve);
