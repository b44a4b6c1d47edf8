using Nvf.Core.Configs;
using Nvf.Core.Training;

namespace Nvf.Core.Pipeline;

/// <summary>Copies of both stages after joint fine-tuning (the separately trained originals are left untouched).</summary>
/// <param name="SoftAttention">The fine-tuned first stage.</param>
/// <param name="Reranker">The fine-tuned reranker, in eval mode.</param>
/// <param name="Separate">The separately trained pipeline it started from.</param>
/// <param name="Config">The fine-tuning config.</param>
/// <param name="Curve">Joint loss per epoch.</param>
public sealed record JointFineTuneResult(TrainedSoftAttention SoftAttention, Reranker Reranker, TrainedReranker Separate, JointFineTuneConfig Config, TrainingCurve Curve);
