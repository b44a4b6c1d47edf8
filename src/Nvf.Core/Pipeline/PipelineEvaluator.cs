using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>
/// Evaluates soft attention, optionally followed by a reranker, against the controls and the oracle ceiling.
/// Two ways in, on purpose: the gate's own models in libtorch tensors (Top-K by libtorch, the control and the reranker on
/// whole candidate tensors), and any pipeline given as functions over arrays (a researcher's model files, or the gate's
/// models behind the same interfaces). Both share the counting (<c>Tally</c>); the feature "The researcher's own soft
/// attention and reranker" runs the gate's models both ways and requires every figure equal, so the path a researcher's
/// files take is checked against an independent one. Routing the first through the second would make that check vacuous.
/// </summary>
public static class PipelineEvaluator
{
    /// <summary>
    /// Runs the pipeline on <paramref name="queries"/> (any distribution; labels as the set defines
    /// them) with Top-<paramref name="k"/> candidates; <paramref name="reranker"/> null evaluates soft attention and the controls only.
    /// </summary>
    public static PipelineEvaluation Evaluate(TrainedSoftAttention softAttention, Reranker? reranker, QuerySet queries, int k)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(queries);
        var database = softAttention.Database;
        using var tensors = new QueryTensors(queries);
        using var candidates = CandidateSet.Build(softAttention.Model, database, tensors, k);
        var control = ArgMaxRows(ControlScores(candidates, database), k);
        var chosen = reranker is null ? null : ArgMaxRows(RerankerScores(reranker, candidates, database), k);
        return Tally(candidates.Ids.ToArray<long>(), control, chosen, database, queries, k);
    }

    /// <summary>
    /// Runs a pipeline given as functions (a researcher's model files, or the gate's own models behind the same
    /// interfaces) on <paramref name="queries"/>: soft attention's Top-<paramref name="k"/> per query, the reranker's
    /// pick among them, the exact-cosine control and the oracle ceiling, counted exactly as the in-process evaluation counts.
    /// </summary>
    /// <param name="attention">Queries (B, D) → logits (B, N).</param>
    /// <param name="reranker">Queries, candidates and their logits → scores (B, K); null evaluates soft attention only.</param>
    /// <param name="database">The database the logits index.</param>
    /// <param name="queries">Labelled queries.</param>
    /// <param name="k">Candidates per query.</param>
    /// <param name="progress">Hears each batch, or null.</param>
    public static PipelineEvaluation Evaluate(IAttentionScorer attention, IRerankerScorer? reranker, NvfDatabase database, QuerySet queries, int k, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, database.Count);
        var (n, d, rows) = (queries.Count, database.Dimension, database.Count);
        // (B, N) logits at a time: 4,096 queries as the in-process path, fewer for a large database (at most 2^24 logits).
        var batch = (int)Math.Clamp((1L << 24) / rows, 1, 4096);
        var ids = new long[(long)n * k];
        var control = new int[n];
        var chosen = reranker is null ? null : new int[n];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var start = 0; start < n; start += batch)
        {
            var b = Math.Min(batch, n - start);
            var q = new float[b * d];
            Array.Copy(queries.Queries.Data, (long)start * d, q, 0, (long)b * d);
            var logits = attention.Logits(q, b, d, rows);
            var candidateLogits = new float[b * k];
            var candidates = new float[(long)b * k * d];
            for (var i = 0; i < b; i++)
            {
                var top = ids.AsSpan((start + i) * k, k);
                TopK(logits.AsSpan(i * rows, rows), top, attention.Description, start + i);
                for (var j = 0; j < k; j++)
                {
                    candidateLogits[(i * k) + j] = logits[((long)i * rows) + top[j]];
                    Array.Copy(database.Vectors.Data, top[j] * d, candidates, ((long)i * k + j) * d, d);
                }
            }

            // The control re-scores by exact cosine: a dot product on unit rows, else divided by each candidate's norm.
            var dots = DotScores(q, candidates, b, k, d);
            if (!database.IsUnit)
            {
                for (var c = 0; c < dots.Length; c++)
                {
                    var norm = VectorMath.Norm(candidates.AsSpan(c * d, d));
                    dots[c] = norm > 0 ? (float)(dots[c] / norm) : float.NegativeInfinity;
                }
            }

            var best = ArgMaxRows(dots, k);
            best.CopyTo(control, start);
            if (reranker is not null)
            {
                ArgMaxRows(reranker.Scores(q, candidates, candidateLogits, b, k, d), k).CopyTo(chosen!, start);
            }

            if (clock.Elapsed.TotalSeconds > 2 || start + b == n)
            {
                progress?.Report(FormattableString.Invariant($"pipeline: {start + b:N0} / {n:N0} queries"));
                clock.Restart();
            }
        }

        return Tally(ids, control, chosen, database, queries, k);
    }

    // Counts every figure of an evaluation from the candidates (Q x K ids, best logit first), the control's and the
    // reranker's pick per query (positions among the candidates), and the oracle's exact-cosine answer.
    private static PipelineEvaluation Tally(long[] ids, int[] control, int[]? chosen, NvfDatabase database, QuerySet queries, int k)
    {
        var n = queries.Count;
        var labels = queries.Labels;
        var positions = new int[n];
        for (var q = 0; q < n; q++)
        {
            positions[q] = Array.IndexOf(ids, labels[q], q * k, k) is var at and >= 0 ? at - (q * k) : -1;
        }

        var oracle = ExactCosineSearch.Nearest(database.Vectors, queries.Queries);
        var clusters = database.Clusters;
        var sizes = clusters?.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        double wrongChance = 0;

        long saTop1 = 0, covered = 0, controlTop1 = 0, oracleTop1 = 0, pipelineTop1 = 0, givenTopK = 0, outside = 0;
        long saWrong = 0, saWrongInCluster = 0, pipeWrong = 0, pipeWrongInCluster = 0, pipeCluster = 0;
        for (var q = 0; q < n; q++)
        {
            var row = q * k;
            var saAnswer = ids[row];
            saTop1 += saAnswer == labels[q] ? 1 : 0;
            covered += positions[q] >= 0 ? 1 : 0;
            controlTop1 += ids[row + control[q]] == labels[q] ? 1 : 0;
            oracleTop1 += oracle[q] == labels[q] ? 1 : 0;
            if (clusters is not null && saAnswer != labels[q])
            {
                saWrong++;
                saWrongInCluster += clusters[saAnswer] == clusters[labels[q]] ? 1 : 0;
                wrongChance += (sizes![clusters[labels[q]]] - 1.0) / (clusters.Length - 1);
            }

            if (chosen is null)
            {
                continue;
            }

            var answer = ids[row + chosen[q]];
            var right = answer == labels[q];
            pipelineTop1 += right ? 1 : 0;
            givenTopK += right && positions[q] >= 0 ? 1 : 0;
            outside += right && positions[q] < 0 ? 1 : 0;
            if (clusters is not null)
            {
                pipeCluster += clusters[answer] == clusters[labels[q]] ? 1 : 0;
                if (!right)
                {
                    pipeWrong++;
                    pipeWrongInCluster += clusters[answer] == clusters[labels[q]] ? 1 : 0;
                }
            }
        }

        return new PipelineEvaluation
        {
            Distribution = queries.Distribution,
            QueryFingerprint = Fingerprint(queries),
            K = k,
            SoftAttentionTop1 = ProportionEstimate.Wilson(saTop1, n),
            Coverage = ProportionEstimate.Wilson(covered, n),
            ControlTop1 = ProportionEstimate.Wilson(controlTop1, n),
            OracleTop1 = ProportionEstimate.Wilson(oracleTop1, n),
            PipelineTop1 = chosen is null ? null : ProportionEstimate.Wilson(pipelineTop1, n),
            PipelineTopK = chosen is null ? null : ProportionEstimate.Wilson(covered, n),
            AccuracyGivenTopK = chosen is null ? null : ProportionEstimate.Wilson(givenTopK, covered),
            CorrectOutsideTopK = chosen is null ? null : (int)outside,
            SoftAttentionErrorsInCluster = clusters is null ? null : ProportionEstimate.Wilson(saWrongInCluster, saWrong),
            PipelineErrorsInCluster = clusters is null || chosen is null ? null : ProportionEstimate.Wilson(pipeWrongInCluster, pipeWrong),
            PipelineClusterTop1 = clusters is null || chosen is null ? null : ProportionEstimate.Wilson(pipeCluster, n),
            InClusterChance = clusters is null ? null : InClusterChance(clusters),
            SoftAttentionErrorChance = clusters is null || saWrong == 0 ? null : wrongChance / saWrong,
        };
    }

    /// <summary>Mean over rows of (size of the row's cluster - 1) / (N - 1): 9/999 for 100 clusters of 10 in 1,000 rows.</summary>
    public static double InClusterChance(IReadOnlyList<int> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count < 2)
        {
            throw new ArgumentException("need at least two rows to define a wrong answer", nameof(clusters));
        }

        var sizes = clusters.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        return clusters.Average(c => (sizes[c] - 1.0) / (clusters.Count - 1));
    }

    private static string Fingerprint(QuerySet queries)
    {
        var bytes = new byte[(queries.Queries.Data.Length * sizeof(float)) + (queries.Labels.Length * sizeof(int))];
        Buffer.BlockCopy(queries.Queries.Data, 0, bytes, 0, queries.Queries.Data.Length * sizeof(float));
        Buffer.BlockCopy(queries.Labels, 0, bytes, queries.Queries.Data.Length * sizeof(float), queries.Labels.Length * sizeof(int));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    private static float[] ControlScores(CandidateSet candidates, NvfDatabase database)
    {
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        var all = Tensor.Arange(candidates.Count);
        var vectors = candidates.CandidateVectors(database, all);                        // (Q, K, D)
        return vectors.Bmm(candidates.Queries.Unsqueeze(2)).Squeeze(-1).ToArray<float>(); // (Q, K) cosine
    }

    private static float[] RerankerScores(Reranker reranker, CandidateSet candidates, NvfDatabase database)
    {
        reranker.Eval();
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        return RerankerTrainer.Scores(reranker, candidates, database, Tensor.Arange(candidates.Count)).ToArray<float>();
    }

    // Dot products (B, K) of each query with its candidates, through the same batched product as ControlScores.
    private static float[] DotScores(float[] queries, float[] candidates, int rows, int k, int dimension)
    {
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        var vectors = Tensor.From(candidates, rows, k, dimension);
        return vectors.Bmm(Tensor.From(queries, rows, dimension).Unsqueeze(2)).Squeeze(-1).ToArray<float>();
    }

    // The k largest logits' rows, largest first (ties: lower row first), into top.
    private static void TopK(ReadOnlySpan<float> logits, Span<long> top, string model, int query)
    {
        var k = top.Length;
        Span<float> values = stackalloc float[k];
        var filled = 0;
        for (var j = 0; j < logits.Length; j++)
        {
            var v = logits[j];
            if (float.IsNaN(v))
            {
                throw new ArtifactException($"{model}: returned NaN as the logit of database row {j} for query {query}; expected finite logits");
            }

            if (filled == k && v <= values[k - 1])
            {
                continue;
            }

            var pos = Math.Min(filled, k - 1);
            while (pos > 0 && values[pos - 1] < v)
            {
                values[pos] = values[pos - 1];
                top[pos] = top[pos - 1];
                pos--;
            }

            values[pos] = v;
            top[pos] = j;
            filled = Math.Min(filled + 1, k);
        }
    }

    private static int[] ArgMaxRows(float[] scores, int k)
    {
        var result = new int[scores.Length / k];
        for (var q = 0; q < result.Length; q++)
        {
            var best = 0;
            for (var j = 1; j < k; j++)
            {
                if (scores[(q * k) + j] > scores[(q * k) + best])
                {
                    best = j;
                }
            }

            result[q] = best;
        }

        return result;
    }
}
