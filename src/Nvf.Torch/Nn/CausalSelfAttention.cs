namespace Nvf.Torch.Nn;

/// <summary>
/// Multi-head causal self-attention (the block of nanoGPT's model.py): position t attends to
/// positions ≤ t. x (B, T, C) → (B, T, C). Parameters: c_attn (C → 3C) and c_proj (C → C), both
/// <see cref="Linear"/>. An optional key padding mask (B, T) bool, true at padded positions, keeps
/// padded tokens from being attended to; pad on the right (position 0 must be real, or its row is all masked).
/// </summary>
public sealed class CausalSelfAttention : TensorModule
{
    private readonly Linear attention;
    private readonly Linear projection;
    private readonly Dropout attentionDropout;
    private readonly Dropout outputDropout;

    /// <summary>Creates the block; <paramref name="embedding"/> must be divisible by <paramref name="heads"/>.</summary>
    public CausalSelfAttention(long embedding, long heads, double dropout = 0.0, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        if (embedding < 1 || embedding % heads != 0)
        {
            throw new ArgumentException($"embedding width {embedding} must be a positive multiple of the head count {heads}", nameof(embedding));
        }

        Embedding = embedding;
        Heads = heads;
        attention = RegisterModule("c_attn", new Linear(embedding, 3 * embedding, generator: generator));
        projection = RegisterModule("c_proj", new Linear(embedding, embedding, generator: generator));
        attentionDropout = RegisterModule("attn_dropout", new Dropout(dropout));
        outputDropout = RegisterModule("resid_dropout", new Dropout(dropout));
    }

    /// <summary>Width C of each position's vector.</summary>
    public long Embedding { get; }

    /// <summary>Number of heads; each has width C / heads.</summary>
    public long Heads { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>Attends causally; <paramref name="keyPaddingMask"/> (B, T) bool is true where a position is padding.</summary>
    public Tensor Forward(Tensor input, Tensor? keyPaddingMask)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shape = input.Shape;
        if (shape.Length != 3 || shape[2] != Embedding)
        {
            throw new ArgumentException($"expected input (B, T, {Embedding}) but got ({string.Join(", ", shape)})", nameof(input));
        }

        long b = shape[0], t = shape[1], headWidth = Embedding / Heads;
        using var scope = new DisposeScope();
        var qkv = attention.Forward(input);                                            // (B, T, 3C)
        var q = SplitHeads(qkv.Narrow(2, 0, Embedding), b, t, headWidth);                   // (B, H, T, D)
        var k = SplitHeads(qkv.Narrow(2, Embedding, Embedding), b, t, headWidth);
        var v = SplitHeads(qkv.Narrow(2, 2 * Embedding, Embedding), b, t, headWidth);

        var scores = q.MatMul(k.Transpose(-2, -1)) * (1.0 / Math.Sqrt(headWidth));   // (B, H, T, T)
        var positions = Tensor.Arange(t);
        var future = positions.Unsqueeze(0).Gt(positions.Unsqueeze(1));               // (T, T) key > query
        var blocked = keyPaddingMask is null
            ? future
            : future.LogicalOr(keyPaddingMask.Reshape(b, 1, 1, t));                  // (B, 1, T, T)
        var weights = attentionDropout.Forward(scores.MaskedFill(blocked, double.NegativeInfinity).Softmax(-1));
        var mixed = weights.MatMul(v).Transpose(1, 2).Contiguous().Reshape(b, t, Embedding); // (B, T, C)
        return scope.MoveOut(outputDropout.Forward(projection.Forward(mixed)));
    }

    private static Tensor SplitHeads(Tensor x, long b, long t, long headWidth) =>
        x.Reshape(b, t, -1, headWidth).Transpose(1, 2);
}
