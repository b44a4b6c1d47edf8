using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>
/// NVF soft attention, the seed's Phase 1 model: a query MLP (D → hidden → D, Linear-ReLU-Linear)
/// maps a query to a direction, and its logits over the database are
/// cosine(normalize(mlp(q)), db) / temperature with a learnable temperature.
/// </summary>
public sealed class SoftAttentionModel : Module
{
    private readonly Sequential mlp;

    /// <summary>Creates the model with weights drawn from <paramref name="generator"/> (PyTorch's nn.Linear initialisation).</summary>
    public SoftAttentionModel(int dimension, int hidden, double initialTemperature, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialTemperature);
        Dimension = dimension;
        mlp = RegisterModule("mlp", new Sequential(new Linear(dimension, hidden, generator: generator), new ReLU(), new Linear(hidden, dimension, generator: generator)));
        Temperature = RegisterParameter("temperature", Tensor.Full([], initialTemperature));
    }

    /// <summary>Query and database width D.</summary>
    public int Dimension { get; }

    /// <summary>The learnable temperature, float32 scalar.</summary>
    public Tensor Temperature { get; }

    /// <summary>
    /// Logits float32 (B, N) of queries (B, D) against unit database rows (N, D). The division by
    /// the temperature is applied to the (B, D) direction rather than the (B, N) logits: the same
    /// numbers, a quarter less work per step at N = 1000 (measured 4.8 vs 6.5 ms per batch).
    /// </summary>
    public Tensor Logits(Tensor queries, Tensor database)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(database);
        using var scope = new DisposeScope();
        var direction = mlp.Forward(queries).Normalize(-1) / Temperature;   // (B, D)
        return scope.MoveOut(direction.MatMul(database.T()));                // (B, N)
    }

    /// <summary>The training loss of <paramref name="logits"/> (B, N) against int64 labels (B).</summary>
    public static Tensor Loss(Tensor logits, Tensor labels, SoftAttentionLoss loss)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (loss == SoftAttentionLoss.CrossEntropyOnLogits)
        {
            return logits.CrossEntropy(labels);
        }

        // The seed's formulation: -log(softmax + 1e-10) picked at the label.
        using var scope = new DisposeScope();
        var logProbabilities = (logits.Softmax(1) + 1e-10).Log();                  // (B, N)
        return scope.MoveOut(-logProbabilities.Gather(1, labels.Unsqueeze(1)).Mean());
    }
}
