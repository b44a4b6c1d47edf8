using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The attention encoder (a small stand-in for the seed's Mamba-S): chunks projected D → W with a
/// learned position embedding, one post-norm transformer block (causal self-attention, GELU
/// feed-forward 2W), the newest position read out W → D, plus a linear read-out of the newest
/// chunk itself (D → D, no bias) so the model can carry the article's direction at full width
/// instead of squeezing it through W. Every weight is random at start: an untrained encoder
/// predicts nothing (delta ≈ 0), which the negative-control run relies on.
/// </summary>
public sealed class AttentionContextEncoder : ContextEncoder
{
    private readonly Linear input;
    private readonly Tensor position;
    private readonly CausalSelfAttention attention;
    private readonly LayerNorm attentionNorm;
    private readonly Linear expand;
    private readonly Linear contract;
    private readonly LayerNorm feedForwardNorm;
    private readonly Linear readout;
    private readonly Linear newestChunk;

    /// <summary>Creates the encoder; weights drawn from <paramref name="generator"/>.</summary>
    public AttentionContextEncoder(int contextLength, int dimension, int width, int heads, Generator generator)
        : base(contextLength, dimension)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Width = width;
        input = RegisterModule("input", new Linear(dimension, width, generator: generator));
        position = RegisterParameter("position", Tensor.Zeros(contextLength, width)); // (C, W)
        using (new NoGradScope())
            position.Normal(0, 0.02, generator);
        attention = RegisterModule("attention", new CausalSelfAttention(width, heads, 0.0, generator));
        attentionNorm = RegisterModule("attention_norm", new LayerNorm(width));
        expand = RegisterModule("expand", new Linear(width, 2 * width, generator: generator));
        contract = RegisterModule("contract", new Linear(2 * width, width, generator: generator));
        feedForwardNorm = RegisterModule("feed_forward_norm", new LayerNorm(width));
        readout = RegisterModule("readout", new Linear(width, dimension, generator: generator));
        newestChunk = RegisterModule("newest_chunk", new Linear(dimension, dimension, bias: false, generator: generator));
    }

    /// <summary>Width W of the transformer block.</summary>
    public int Width { get; }

    /// <inheritdoc/>
    protected override Tensor Encode(Tensor contexts)
    {
        var h = input.Forward(contexts) + position;                       // (B, C, W)
        h = attentionNorm.Forward(h + attention.Forward(h));
        h = feedForwardNorm.Forward(h + contract.Forward(expand.Forward(h).Gelu()));
        var last = h.Narrow(1, ContextLength - 1, 1).Squeeze(1);          // (B, W)
        var newest = contexts.Narrow(1, ContextLength - 1, 1).Squeeze(1); // (B, D)
        return readout.Forward(last) + newestChunk.Forward(newest);       // (B, D)
    }
}
