using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The MLP baseline: the context flattened (B, C·D) → Linear(C·D, H) → GELU → Linear(H, D). No
/// attention and no path around the hidden layer, so it shows what the attention encoder adds.
/// </summary>
public sealed class MlpContextEncoder : ContextEncoder
{
    private readonly Sequential layers;

    /// <summary>Creates the baseline with hidden width <paramref name="hidden"/>; weights drawn from <paramref name="generator"/>.</summary>
    public MlpContextEncoder(int contextLength, int dimension, int hidden, Generator generator)
        : base(contextLength, dimension)
    {
        ArgumentNullException.ThrowIfNull(generator);
        layers = RegisterModule("layers", new Sequential(
            new Linear((long)contextLength * dimension, hidden, generator: generator),
            new GELU(),
            new Linear(hidden, dimension, generator: generator)));
    }

    /// <inheritdoc/>
    protected override Tensor Encode(Tensor contexts) =>
        layers.Forward(contexts.Reshape(contexts.Size(0), (long)ContextLength * Dimension)); // (B, C·D) → (B, D)
}
