using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.InfoNce;

/// <summary>
/// A model with its objective: the context encoder (tower Q), the payload tower P (two-tower only)
/// and the 256-d projection head (V1 only). Owns every module.
/// </summary>
public sealed class InfoNceModel : IDisposable
{
    private readonly Linear? projection;

    /// <summary>Creates the modules of <paramref name="encoder"/> / <paramref name="objective"/> from <paramref name="settings"/>, weights seeded by settings.Seed.</summary>
    public InfoNceModel(EncoderKind encoder, TrainingObjective objective, InfoNceSettings settings, int contextLength, int dimension)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (objective == TrainingObjective.TwoTower && encoder != EncoderKind.Attention)
            throw new ArgumentException($"the two-tower query tower is the attention encoder; got {encoder}", nameof(encoder));
        Encoder = encoder;
        Objective = objective;
        Settings = settings;
        using var generator = new Generator(settings.Seed);
        Query = encoder == EncoderKind.Attention
            ? new AttentionContextEncoder(contextLength, dimension, settings.Width, settings.Heads, generator)
            : new MlpContextEncoder(contextLength, dimension, settings.MlpHidden, generator);
        if (objective == TrainingObjective.TwoTower)
            Payload = new PayloadTower(dimension, settings.PayloadHidden, generator);
        if (objective == TrainingObjective.V1Split)
            projection = new Linear(dimension, settings.ProjectionWidth, generator: generator);
    }

    /// <summary>The context encoder's kind.</summary>
    public EncoderKind Encoder { get; }

    /// <summary>What the model is trained on.</summary>
    public TrainingObjective Objective { get; }

    /// <summary>The hyper-parameters it was made with.</summary>
    public InfoNceSettings Settings { get; }

    /// <summary>The context encoder (the whole single-tower model, or tower Q).</summary>
    public ContextEncoder Query { get; }

    /// <summary>Tower P of the two-tower model; null otherwise.</summary>
    public PayloadTower? Payload { get; }

    /// <summary>Every trainable parameter (encoder, payload tower, projection head).</summary>
    public IEnumerable<Tensor> Parameters() =>
        Query.Parameters().Concat(Payload?.Parameters() ?? []).Concat(projection?.Parameters() ?? []);

    /// <summary>Total scalar parameters.</summary>
    public long ParameterCount => Parameters().Sum(p => p.Count);

    /// <summary>
    /// The objective's loss on unit predictions (B, D) and keys (B, D): payload targets for the
    /// single tower, P(targets) for the two-tower model. V1: 0.7 InfoNCE on the projection + 0.3 AR cosine.
    /// </summary>
    public Tensor Loss(Tensor predictions, Tensor keys)
    {
        if (projection is null)
            return InfoNceLoss.Compute(predictions, keys, Settings.Temperature);
        using var scope = new DisposeScope();
        var contrastive = InfoNceLoss.Compute(
            projection.Forward(predictions).Normalize(-1), projection.Forward(keys).Normalize(-1), Settings.Temperature);
        var autoregressive = InfoNceLoss.CosineDistance(predictions, keys);
        return scope.MoveOut(contrastive * Settings.V1InfoNceWeight + autoregressive * (1 - Settings.V1InfoNceWeight));
    }

    /// <summary>Sets training or evaluation mode on every module.</summary>
    public void Train(bool training)
    {
        Query.Train(training);
        Payload?.Train(training);
        projection?.Train(training);
    }

    /// <summary>Frees every module.</summary>
    public void Dispose()
    {
        Query.Dispose();
        Payload?.Dispose();
        projection?.Dispose();
    }
}
