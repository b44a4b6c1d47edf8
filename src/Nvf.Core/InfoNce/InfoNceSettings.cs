using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
namespace Nvf.Core.InfoNce;

/// <summary>
/// Hyper-parameters of InfoNCE training (pure-infonce-sanity-report.md, "Training Configuration"):
/// τ 0.07, effective batch 1,024 = 256 x 4 gradient accumulation (1,023 in-batch negatives), article
/// dropout 0.2, span corruption 0.1; plus the model sizes of this harness. Read from
/// fixtures/configs/infonce-*.json.
/// </summary>
/// <param name="Temperature">InfoNCE temperature τ.</param>
/// <param name="MicroBatch">Samples per forward/backward pass (256 in the seed).</param>
/// <param name="AccumulationSteps">Micro-batches per optimizer step (4 in the seed).</param>
/// <param name="ArticleDropout">Probability that each older context chunk is zeroed (the newest chunk is kept).</param>
/// <param name="SpanCorruption">Probability that a sample gets a span of two context chunks replaced by another sample's.</param>
/// <param name="LearningRate">AdamW step size.</param>
/// <param name="Width">Transformer width W of the attention encoder.</param>
/// <param name="Heads">Attention heads (W must be a multiple).</param>
/// <param name="MlpHidden">Hidden width of the MLP baseline.</param>
/// <param name="PayloadHidden">Hidden width of the two-tower payload tower.</param>
/// <param name="ProjectionWidth">Width of V1's projection head (256 in the seed).</param>
/// <param name="V1InfoNceWeight">V1's weight on projected InfoNCE (0.7 in the seed; AR cosine gets the rest).</param>
/// <param name="Seed">Seed of the weights, the sample order and the corruptions.</param>
/// <param name="TorchThreads">libtorch intra-op threads (results are deterministic for a fixed count).</param>
public sealed record InfoNceSettings(
    double Temperature,
    int MicroBatch,
    int AccumulationSteps,
    double ArticleDropout,
    double SpanCorruption,
    double LearningRate,
    int Width,
    int Heads,
    int MlpHidden,
    int PayloadHidden,
    int ProjectionWidth,
    double V1InfoNceWeight,
    ulong Seed,
    int TorchThreads)
{
    /// <summary>Samples per optimizer step and per InfoNCE softmax: MicroBatch x AccumulationSteps (1,024 in the seed).</summary>
    public int EffectiveBatch => MicroBatch * AccumulationSteps;

    /// <summary>In-batch negatives per positive: EffectiveBatch - 1 (1,023 in the seed).</summary>
    public int NegativesPerPositive => EffectiveBatch - 1;
}
