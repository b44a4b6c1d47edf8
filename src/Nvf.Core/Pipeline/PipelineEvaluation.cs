using Nvf.Core.Metrics;

namespace Nvf.Core.Pipeline;

/// <summary>
/// What the pipeline Query → Soft Attention → Top-K → Reranker → answer did on one query set.
/// Every accuracy is a <see cref="ProportionEstimate"/> (fraction with its Wilson 95% interval).
/// </summary>
public sealed class PipelineEvaluation
{
    /// <summary>The query distribution evaluated.</summary>
    public required string Distribution { get; init; }

    /// <summary>K, the number of soft-attention candidates.</summary>
    public required int K { get; init; }

    /// <summary>Soft attention alone: its best logit is the label.</summary>
    public required ProportionEstimate SoftAttentionTop1 { get; init; }

    /// <summary>Soft attention's Top-K holds the label (the coverage: no reranker can exceed it).</summary>
    public required ProportionEstimate Coverage { get; init; }

    /// <summary>The reranker's choice is the label, or null when no reranker was evaluated.</summary>
    public ProportionEstimate? PipelineTop1 { get; init; }

    /// <summary>The reranked Top-K holds the label (the same set as soft attention's, so equal to <see cref="Coverage"/>), or null.</summary>
    public ProportionEstimate? PipelineTopK { get; init; }

    /// <summary>Pipeline Top-1 among the queries whose label is in the Top-K, or null.</summary>
    public ProportionEstimate? AccuracyGivenTopK { get; init; }

    /// <summary>The non-learned control: the Top-K re-scored by exact cosine q·c.</summary>
    public required ProportionEstimate ControlTop1 { get; init; }

    /// <summary>The oracle ceiling: exact cosine search over the whole database finds the label.</summary>
    public required ProportionEstimate OracleTop1 { get; init; }

    /// <summary>Queries answered right by the pipeline although the label was outside the Top-K (0 by construction), or null.</summary>
    public int? CorrectOutsideTopK { get; init; }

    /// <summary>Among soft attention's wrong Top-1 answers, those in the label's cluster; null on an unclustered database.</summary>
    public ProportionEstimate? SoftAttentionErrorsInCluster { get; init; }

    /// <summary>Among the pipeline's wrong answers, those in the label's cluster; null when unclustered or no reranker.</summary>
    public ProportionEstimate? PipelineErrorsInCluster { get; init; }

    /// <summary>The pipeline's answer is in the label's cluster; null when unclustered or no reranker.</summary>
    public ProportionEstimate? PipelineClusterTop1 { get; init; }

    /// <summary>A fingerprint of the evaluated queries and labels (equal fingerprints: the same query set).</summary>
    public required string QueryFingerprint { get; init; }

    /// <summary>True when <paramref name="other"/> was evaluated on the same queries and labels.</summary>
    public bool EvaluationQueriesMatch(PipelineEvaluation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return QueryFingerprint == other.QueryFingerprint;
    }

    /// <summary>Chance that a wrong answer drawn uniformly from the other N - 1 rows shares the label's cluster (9/999 for 100 x 10); null when unclustered.</summary>
    public double? InClusterChance { get; init; }

    /// <summary>
    /// Chance that soft attention's wrong answers land in the label's cluster if each were drawn uniformly from the
    /// other N - 1 rows, averaged over those wrong answers' labels: (size of the label's cluster - 1) / (N - 1). Equals
    /// <see cref="InClusterChance"/> on equal clusters; on real topics of unequal size it is the fair baseline.
    /// Null when unclustered or soft attention made no error.
    /// </summary>
    public double? SoftAttentionErrorChance { get; init; }
}
