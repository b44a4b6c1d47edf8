using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Nvf.Torch;

namespace Nvf.Core.Nvf;

/// <summary>Evaluates soft attention, optionally followed by a reranker, against the controls and the oracle ceiling.</summary>
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
        var n = candidates.Count;
        var ids = candidates.Ids.ToArray<long>();
        var labels = candidates.Labels;
        var positions = candidates.LabelPositions;

        var control = ArgMaxRows(ControlScores(candidates, database), k);
        var chosen = reranker is null ? null : ArgMaxRows(RerankerScores(reranker, candidates, database), k);
        var oracle = ExactCosineSearch.Nearest(database.Vectors, queries.Queries);
        var clusters = database.Clusters;

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
