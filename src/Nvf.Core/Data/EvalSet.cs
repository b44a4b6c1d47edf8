using System.Globalization;
using Nvf.Core.Data.NumPy;

namespace Nvf.Core.Data;

/// <summary>
/// Next-chunk samples in the seed's eval .npz layout: <c>contexts</c> float32 (N, C, D) (the C
/// chunks before the target, oldest first; C = 5 and D = 768 in the seed), <c>targets</c> float32
/// (N, D) (the next chunk), <c>truth_keys</c> int64 (N, 2) = (article_index, chunk_index) of the
/// target. Used for eval sets and, with the same layout, for training samples.
/// </summary>
public sealed class EvalSet
{
    /// <summary>Names of the arrays in the .npz file, as the seed's eval sets use them.</summary>
    public const string ContextsName = "contexts", TargetsName = "targets", TruthKeysName = "truth_keys";

    /// <summary>
    /// Wraps (without copying) <paramref name="contexts"/> (N * contextLength * D floats, C order),
    /// <paramref name="targets"/> (N, D) and <paramref name="truthKeys"/> (N).
    /// </summary>
    public EvalSet(float[] contexts, int contextLength, VectorSet targets, TruthKey[] truthKeys)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(truthKeys);
        if (contextLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "expected a context length > 0");
        if (truthKeys.Length != targets.Count)
            throw new ArgumentException($"{truthKeys.Length} truth keys for {targets.Count} targets; expected one per target", nameof(truthKeys));
        var needed = (long)targets.Count * contextLength * targets.Dimension;
        if (contexts.LongLength != needed)
            throw new ArgumentException(
                $"contexts hold {contexts.LongLength} floats; shape ({targets.Count}, {contextLength}, {targets.Dimension}) needs {needed}", nameof(contexts));
        Contexts = contexts;
        ContextLength = contextLength;
        Targets = targets;
        TruthKeys = truthKeys;
    }

    /// <summary>All contexts, float32 (N, ContextLength, Dimension), C order.</summary>
    public float[] Contexts { get; }

    /// <summary>Chunks per context (C; 5 in the seed).</summary>
    public int ContextLength { get; }

    /// <summary>Targets, float32 (N, Dimension).</summary>
    public VectorSet Targets { get; }

    /// <summary>(article, chunk) of each target, length N.</summary>
    public TruthKey[] TruthKeys { get; }

    /// <summary>Number of samples N.</summary>
    public int Count => Targets.Count;

    /// <summary>Vector length D (768 in the seed).</summary>
    public int Dimension => Targets.Dimension;

    /// <summary>Context of sample <paramref name="index"/>: ContextLength * Dimension floats, oldest chunk first.</summary>
    public Span<float> Context(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"expected a sample in [0, {Count})");
        var size = ContextLength * Dimension;
        return Contexts.AsSpan(index * size, size);
    }

    /// <summary>
    /// Loads an eval set from <paramref name="path"/>, checking shapes (N, <paramref name="contextLength"/>, D),
    /// (N, D) and (N, 2) with one N and one D throughout. D is <paramref name="dimension"/> when given (e.g. the
    /// payload's), else whatever the file holds: the seed's 768 is an example, not a rule (a 384-d MiniLM corpus is as valid).
    /// float64 vectors are narrowed to float32 and int32 keys widened. Errors name the file and array.
    /// </summary>
    public static EvalSet Load(string path, int contextLength = 5, int? dimension = null)
    {
        using var npz = new NpzReader(path);
        var bindings = new Dictionary<string, (int Size, string From)>();
        var d = dimension is { } fixedD ? fixedD.ToString(CultureInfo.InvariantCulture) : "D";
        var contexts = npz.ReadAsFloat32(ContextsName, ShapePattern.Parse($"(N, {contextLength}, {d})"), bindings);
        var targets = npz.ReadAsFloat32(TargetsName, ShapePattern.Parse($"(N, {d})"), bindings);
        var keys = npz.ReadAsInt64(TruthKeysName, ShapePattern.Parse("(N, 2)"), bindings);
        RequireFinite(path, ContextsName, contexts.Data, contexts.Shape);
        RequireFinite(path, TargetsName, targets.Data, targets.Shape);
        var truth = new TruthKey[targets.Shape[0]];
        for (var i = 0; i < truth.Length; i++)
        {
            long article = keys.Data[2 * i], chunk = keys.Data[2 * i + 1];
            if (article is < 0 or > int.MaxValue || chunk is < 0 or > int.MaxValue)
                throw new NpyFormatException(path, TruthKeysName,
                    $"{path}: array '{TruthKeysName}' row {i} is ({article}, {chunk}); expected non-negative (article, chunk) indices");
            truth[i] = new TruthKey((int)article, (int)chunk);
        }
        return new EvalSet(contexts.Data, contextLength, new VectorSet(targets.Data, targets.Shape[0], targets.Shape[1]), truth);
    }

    // A NaN target reached the separation as "System.ArgumentException: positives contains NaN" (exit 1), and an infinite
    // context passed unseen when predictions were given: name the first one by its index in the array.
    private static void RequireFinite(string path, string arrayName, float[] data, int[] shape)
    {
        var at = VectorRows.IndexOfNonFinite(data);
        if (at < 0)
            return;
        var index = new long[shape.Length];
        for (long rest = at, axis = shape.Length - 1; axis >= 0; axis--)
        {
            index[axis] = rest % shape[axis];
            rest /= shape[axis];
        }

        throw new NpyFormatException(path, arrayName, string.Create(CultureInfo.InvariantCulture,
            $"{path}: array '{arrayName}' holds {data[at]} at [{string.Join(", ", index)}]; expected finite values"));
    }

    /// <summary>Saves to <paramref name="path"/> as .npz (atomically); <paramref name="compress"/> deflates.</summary>
    public void Save(string path, bool compress = false)
    {
        var keys = new long[2 * Count];
        for (var i = 0; i < Count; i++)
        {
            keys[2 * i] = TruthKeys[i].Article;
            keys[2 * i + 1] = TruthKeys[i].Chunk;
        }
        using var npz = new NpzWriter(path, compress);
        npz.Add(ContextsName, Contexts, Count, ContextLength, Dimension)
            .Add(TargetsName, Targets)
            .Add(TruthKeysName, keys, Count, 2);
        npz.Commit();
    }
}
