namespace Nvf.Core.Data;

/// <summary>
/// How clustered a <see cref="TopicPayload"/> really is, measured on random pairs of distinct,
/// non-duplicate rows (DESIGN.md: "measure and report intra- vs inter-cluster cosine").
/// </summary>
/// <param name="IntraTopicMean">Mean cosine of pairs from the same topic (NaN in isotropic mode).</param>
/// <param name="InterTopicMean">Mean cosine of pairs from different topics (all pairs in isotropic mode).</param>
/// <param name="PairsPerKind">Pairs sampled for each mean.</param>
public sealed record TopicCosineProfile(double IntraTopicMean, double InterTopicMean, int PairsPerKind);
