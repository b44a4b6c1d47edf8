using Nvf.Core.Configs;
using Nvf.Core.Training;

namespace Nvf.Core.Pipeline;

/// <summary>A reranker after training on a frozen soft attention's candidates.</summary>
/// <param name="Model">The trained reranker, best validation state restored, in eval mode (process-wide when memoised: do not dispose).</param>
/// <param name="SoftAttention">The frozen first stage whose Top-K it was trained on.</param>
/// <param name="Config">The training config.</param>
/// <param name="Curve">Loss and validation accuracy (given the label is among the candidates) per epoch.</param>
/// <param name="TrainingQueries">Queries whose label was among the candidates (the usable examples, training + validation).</param>
public sealed record TrainedReranker(Reranker Model, TrainedSoftAttention SoftAttention, RerankerConfig Config, TrainingCurve Curve, int TrainingQueries);
