using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;

namespace Nvf.Core.Retrieval;

/// <summary>
/// What the gate found of a researcher's predictions: the seed's epoch-1 measurement (separation over in-batch
/// negatives, R@5 and Contain@50 through the IVF index), the success tier, the decision of the tree, and the action
/// the gate could take itself (the flat ablation) or states (train more, pivot), with the leakage beside R@5.
/// </summary>
/// <param name="Source">The predictions file.</param>
/// <param name="Measurement">Separation and IVF retrieval of the predictions (epoch as the researcher named it, loss unknown).</param>
/// <param name="Flat">The flat ablation, when the decision was to check the flat index.</param>
/// <param name="FlatVerdict">What the flat ablation says, when it ran.</param>
/// <param name="Leakage">Share of eval articles also in training, when the training set is known; else null.</param>
/// <param name="Action">The action, in words: carried out (flat ablation) or stated as the verdict.</param>
/// <param name="Path">Every step taken, in order.</param>
public sealed record PredictionReport(
    string Source,
    EpochMeasurement Measurement,
    RetrievalReport? Flat,
    FlatAblationVerdict? FlatVerdict,
    ProportionEstimate? Leakage,
    string Action,
    IReadOnlyList<AutoEvaluationStep> Path)
{
    /// <summary>The decision tree's leaf for these predictions.</summary>
    public GateDecision Decision => Measurement.Decision;

    /// <summary>The seed's success tier.</summary>
    public SuccessTier Tier => Measurement.Tier;

    /// <summary>The settings the evaluation ran with.</summary>
    public EvaluationSettings Settings { get; init; } = EvaluationSettings.SeedDefaults;

    /// <summary>Every eval row's retrieval through the IVF index, or null when the index was a planted fault.</summary>
    public PerQueryResults? PerQuery { get; init; }

    /// <summary>R@k, Contain@k, MRR@k and nDCG@k at each cut-off of <see cref="Settings"/> (empty without <see cref="PerQuery"/>).</summary>
    public IReadOnlyList<RetrievalScore> Scores { get; init; } = [];

    /// <summary>R@5 and the search time at each nprobe, when asked for (empty otherwise).</summary>
    public IReadOnlyList<(int Nprobe, RetrievalReport Report)> NprobeCurve { get; init; } = [];
}
