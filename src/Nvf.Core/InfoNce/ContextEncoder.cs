using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.InfoNce;

/// <summary>
/// A sequence model of the InfoNCE line of work: the context of C chunk vectors (C = 5 in the seed)
/// → a prediction of the next chunk, L2-normalised so that inner product is cosine.
/// Contexts are float32 (B, C, D), predictions float32 (B, D) with unit rows.
/// </summary>
public abstract class ContextEncoder : Module
{
    /// <summary>Sets the shape this encoder reads.</summary>
    protected ContextEncoder(int contextLength, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ContextLength = contextLength;
        Dimension = dimension;
    }

    /// <summary>Chunks per context (C).</summary>
    public int ContextLength { get; }

    /// <summary>Vector width (D).</summary>
    public int Dimension { get; }

    /// <summary>Predicts the next chunk: contexts float32 (B, C, D) → unit float32 (B, D).</summary>
    public Tensor Forward(Tensor contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var shape = contexts.Shape;
        if (shape.Length != 3 || shape[1] != ContextLength || shape[2] != Dimension)
            throw new ArgumentException($"expected contexts (B, {ContextLength}, {Dimension}) but got ({string.Join(", ", shape)})", nameof(contexts));
        using var scope = new DisposeScope();
        return scope.MoveOut(Encode(contexts).Normalize(-1));
    }

    /// <summary>The unnormalised prediction (B, D) of contexts (B, C, D); intermediate tensors may be left to the caller's scope.</summary>
    protected abstract Tensor Encode(Tensor contexts);
}
