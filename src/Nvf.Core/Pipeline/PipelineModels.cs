using Nvf.Core.Artifacts;
using Nvf.Core.Models;
using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>The first stage as a function: queries float32 (B, D) → logits float32 (B, N), one per database row.</summary>
public interface IAttentionScorer : IDisposable
{
    /// <summary>What runs, for reports.</summary>
    string Description { get; }

    /// <summary>Logits (rows, N) of <paramref name="rows"/> queries (rows, D), row-major.</summary>
    float[] Logits(float[] queries, int rows, int dimension, int databaseRows);
}

/// <summary>The fovea as a function: queries (B, D), candidates (B, K, D) and their attention logits (B, K) → scores (B, K).</summary>
public interface IRerankerScorer : IDisposable
{
    /// <summary>What runs, for reports.</summary>
    string Description { get; }

    /// <summary>Scores (rows, K), row-major; the answer is each row's best-scored candidate.</summary>
    float[] Scores(float[] queries, float[] candidates, float[] attentionLogits, int rows, int k, int dimension);
}

/// <summary>
/// A researcher's soft attention model file (ONNX or TorchScript): forward(queries float32 (B, D)) → logits float32
/// (B, N) over the database the gate is given (the model holds the database, as the seed's SoftAttention does).
/// </summary>
public sealed class AttentionModelFile : IAttentionScorer
{
    /// <summary>The environment variable naming the file.</summary>
    public const string Variable = "NVF_ATTENTION_MODEL";

    private readonly IModelFunction model;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> naming the file and what was expected.</summary>
    public AttentionModelFile(string path, int threads = 2)
    {
        model = ModelFunctionFile.Open(path, "soft attention model", threads);
        if (model.Inputs != 1)
        {
            var inputs = model.Inputs;
            model.Dispose();
            throw new ArtifactException($"{path}: the soft attention model takes {inputs} inputs; expected one, the queries float32 (batch, dimension)");
        }
    }

    /// <inheritdoc />
    public string Description => model.Description;

    /// <inheritdoc />
    public float[] Logits(float[] queries, int rows, int dimension, int databaseRows)
    {
        var result = model.Run([new FloatArray(queries, [rows, dimension])]);
        if (result.Shape.Length != 2 || result.Shape[0] != rows || result.Shape[1] != databaseRows)
            throw new ArtifactException($"{model.Path}: the soft attention model returned {result.ShapeText} for {rows} queries; expected ({rows}, {databaseRows}), one logit per database row");
        return result.Values;
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}

/// <summary>
/// A researcher's reranker file (ONNX or TorchScript): forward(queries (B, D), candidates (B, K, D)) → scores (B, K),
/// or forward(queries, candidates, attention_logits (B, K)) for a design that takes soft attention's logits.
/// </summary>
public sealed class RerankerModelFile : IRerankerScorer
{
    /// <summary>The environment variable naming the file.</summary>
    public const string Variable = "NVF_RERANKER_MODEL";

    private readonly IModelFunction model;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> naming the file and what was expected.</summary>
    public RerankerModelFile(string path, int threads = 2)
    {
        model = ModelFunctionFile.Open(path, "reranker", threads);
        if (model.Inputs is not (2 or 3))
        {
            var inputs = model.Inputs;
            model.Dispose();
            throw new ArtifactException($"{path}: the reranker takes {inputs} inputs; expected two, queries float32 (batch, dimension) and candidates (batch, K, dimension), and optionally a third, soft attention's logits of the candidates (batch, K)");
        }
    }

    /// <inheritdoc />
    public string Description => model.Description;

    /// <inheritdoc />
    public float[] Scores(float[] queries, float[] candidates, float[] attentionLogits, int rows, int k, int dimension)
    {
        List<FloatArray> inputs = [new(queries, [rows, dimension]), new(candidates, [rows, k, dimension])];
        if (model.Inputs == 3)
            inputs.Add(new FloatArray(attentionLogits, [rows, k]));
        var result = model.Run(inputs);
        var flat = result.Shape.Length == 3 && result.Shape[2] == 1 ? result.Shape[..2] : result.Shape; // (B, K, 1) is (B, K)
        if (flat.Length != 2 || flat[0] != rows || flat[1] != k)
            throw new ArtifactException($"{model.Path}: the reranker returned {result.ShapeText} for {rows} queries of {k} candidates; expected ({rows}, {k}), one score per candidate");
        return result.Values;
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}

/// <summary>The gate's own trained soft attention seen through <see cref="IAttentionScorer"/> (no gradient).</summary>
public sealed class TrainedAttentionScorer(TrainedSoftAttention trained) : IAttentionScorer
{
    /// <inheritdoc />
    public string Description => $"the gate's own soft attention ({trained.Database.Key})";

    /// <inheritdoc />
    public float[] Logits(float[] queries, int rows, int dimension, int databaseRows)
    {
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        return trained.Model.Logits(Tensor.From(queries, rows, dimension), trained.Database.Tensor).ToArray<float>();
    }

    /// <summary>Nothing to free: the trained model belongs to the memo.</summary>
    public void Dispose()
    {
    }
}

/// <summary>The gate's own trained reranker seen through <see cref="IRerankerScorer"/> (eval mode, no gradient).</summary>
public sealed class TrainedRerankerScorer(Reranker reranker) : IRerankerScorer
{
    /// <inheritdoc />
    public string Description => $"the gate's own {reranker.Design} reranker";

    /// <inheritdoc />
    public float[] Scores(float[] queries, float[] candidates, float[] attentionLogits, int rows, int k, int dimension)
    {
        reranker.Eval();
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        return reranker.Score(Tensor.From(queries, rows, dimension), Tensor.From(candidates, rows, k, dimension), Tensor.From(attentionLogits, rows, k)).ToArray<float>();
    }

    /// <summary>Nothing to free: the trained model belongs to the memo.</summary>
    public void Dispose()
    {
    }
}
