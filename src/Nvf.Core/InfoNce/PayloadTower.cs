using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.InfoNce;

/// <summary>
/// Tower P of the two-tower model (pure-infonce-sanity-report.md, "Two-Tower Pivot"): encodes a
/// payload chunk (B, D) → unit (B, D) as normalize(x + Linear(H, D)(GELU(Linear(D, H)(x)))).
/// The residual keeps P close to the identity at start, so the payload keeps its geometry while
/// P learns what the query tower Q can reach.
/// </summary>
public sealed class PayloadTower : Module
{
    private readonly Linear expand;
    private readonly Linear contract;

    /// <summary>Creates the tower; weights drawn from <paramref name="generator"/>.</summary>
    public PayloadTower(int dimension, int hidden, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Dimension = dimension;
        expand = RegisterModule("expand", new Linear(dimension, hidden, generator: generator));
        contract = RegisterModule("contract", new Linear(hidden, dimension, generator: generator));
    }

    /// <summary>Vector width (D).</summary>
    public int Dimension { get; }

    /// <summary>Encodes payload vectors float32 (B, D) → unit float32 (B, D).</summary>
    public Tensor Forward(Tensor payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var shape = payload.Shape;
        if (shape.Length != 2 || shape[1] != Dimension)
            throw new ArgumentException($"expected payload (B, {Dimension}) but got ({string.Join(", ", shape)})", nameof(payload));
        using var scope = new DisposeScope();
        return scope.MoveOut((payload + contract.Forward(expand.Forward(payload).Gelu())).Normalize(-1));
    }
}
