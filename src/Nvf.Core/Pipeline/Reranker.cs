using Nvf.Core.Configs;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The fovea: scores each of a query's K candidates; the answer is the best-scored one. Scores are
/// logits for a K-way cross-entropy ("softmax externally", as the seed's NeuralReranker).
/// </summary>
public abstract class Reranker : Module
{
    /// <summary>The architecture.</summary>
    public abstract RerankerDesign Design { get; }

    /// <summary>
    /// Scores float32 (B, K) of candidates (B, K, D) for queries (B, D); <paramref name="attentionLogits"/>
    /// (B, K) are soft attention's logits of the candidates (used by designs that take them as a feature).
    /// </summary>
    public abstract Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits);

    /// <summary>Creates a reranker of <paramref name="design"/> for width <paramref name="dimension"/>, weights from <paramref name="generator"/>, dropout masks from config.Seed.</summary>
    public static Reranker Create(RerankerDesign design, int dimension, RerankerConfig config, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(config);
        return design switch
        {
            RerankerDesign.Concatenation => new ConcatenationReranker(dimension, config.Hidden, config.Dropout, generator, config.Seed),
            RerankerDesign.RichFeatures => new RichFeatureReranker(dimension, config.Hidden, config.Dropout, generator, config.Seed),
            RerankerDesign.Improved => new ImprovedReranker(dimension, config.Hidden, config.Dropout, generator, config.Seed),
            _ => throw new ArgumentOutOfRangeException(nameof(design), design, "expected concatenation, rich-features or improved"),
        };
    }

    /// <summary>
    /// The seed's scoring MLP: in → hidden → hidden/2 → 1 with ReLU, and dropout after each ReLU
    /// (masks from <paramref name="dropoutSeed"/>, one stream per layer).
    /// </summary>
    protected static Sequential ScoringMlp(int inputs, int hidden, double dropout, Generator generator, ulong dropoutSeed) =>
        new(
            new Linear(inputs, hidden, generator: generator),
            new ReLU(),
            new SeededDropout(dropout, dropoutSeed, 1),
            new Linear(hidden, Math.Max(1, hidden / 2), generator: generator),
            new ReLU(),
            new SeededDropout(dropout, dropoutSeed, 2),
            new Linear(Math.Max(1, hidden / 2), 1, generator: generator));

    /// <summary>Runs <paramref name="mlp"/>'s layers from <paramref name="firstLayer"/> on (the already computed) <paramref name="input"/>.</summary>
    protected static Tensor ForwardFrom(Sequential mlp, int firstLayer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        using var scope = new DisposeScope();
        var x = input;
        for (var i = firstLayer; i < mlp.Layers.Count; i++)
        {
            x = mlp.Layers[i].Forward(x);
        }

        return scope.MoveOut(x);
    }

    /// <summary>Columns [<paramref name="block"/> x D, (<paramref name="block"/> + 1) x D) of a first-layer weight (H, n x D): the part applied to one feature block.</summary>
    protected static Tensor WeightBlock(Linear first, int block, int dimension)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first.Weight.Narrow(1, (long)block * dimension, dimension);
    }

    /// <summary>The query repeated for each candidate: (B, D) → (B, K, D) (a view).</summary>
    protected static Tensor ExpandQuery(Tensor queries, Tensor candidates)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        var shape = candidates.Shape;
        return queries.Unsqueeze(1).Expand(shape[0], shape[1], shape[2]);
    }
}
