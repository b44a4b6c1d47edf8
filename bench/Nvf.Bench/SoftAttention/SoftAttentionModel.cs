using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Bench.SoftAttention;

/// <summary>
/// The seed's Phase 1 soft attention, minimal (the real one belongs to Nvf.Core): a query MLP
/// (dim-hidden-dim, Linear-ReLU-Linear), a learnable temperature, and scores =
/// normalize(mlp(q)) · dbᵀ / temperature, trained with cross-entropy on those logits (DESIGN.md).
/// Parameter names and initialisation order match fixtures/torch/make_fixtures.py.
/// </summary>
public sealed class SoftAttentionModel : Module
{
    private readonly Sequential mlp;

    /// <summary>Creates the model; Linear weights come from torch's global generator (seed it first).</summary>
    public SoftAttentionModel(long dim, long hidden, double temperature = 0.1)
    {
        mlp = RegisterModule("mlp", new Sequential(new Linear(dim, hidden), new ReLU(), new Linear(hidden, dim)));
        Temperature = RegisterParameter("temperature", Tensor.Full([], temperature));
    }

    /// <summary>The learnable temperature, a float32 scalar.</summary>
    public Tensor Temperature { get; }

    /// <summary>Logits (B, N) of queries (B, D) against unit database rows (N, D).</summary>
    public Tensor Forward(Tensor queries, Tensor database)
    {
        using var scope = new DisposeScope();
        var direction = mlp.Forward(queries).Normalize(-1);          // (B, D), unit rows
        return scope.MoveOut(direction.MatMul(database.T()) / Temperature); // (B, N)
    }
}
