using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;

namespace Nvf.Core.Retrieval;

/// <summary>
/// Retrieval of predictions against the payload (pure-infonce-sanity-report.md, "Retrieval
/// Evaluation"): R@5 = the true payload row among the first 5 results; Contain@50 = the true row
/// or an exact duplicate of it among the first 50.
/// </summary>
/// <param name="IndexDescription">Which index answered, e.g. "IVF-Flat IP, nlist 3072, nprobe 64" or "Flat IP (exact)".</param>
/// <param name="RecallAt5">R@5 with its Wilson interval.</param>
/// <param name="ContainAt50">Contain@50 with its Wilson interval.</param>
/// <param name="TopK">Results retrieved per query (50).</param>
/// <param name="Seconds">Wall time of the search.</param>
public sealed record RetrievalReport(string IndexDescription, ProportionEstimate RecallAt5, ProportionEstimate ContainAt50, int TopK, double Seconds)
{
    /// <summary>R@5 ("r_at_5") as a proportion criterion.</summary>
    public Figure RecallAt5Figure => Figure.Proportion("r_at_5", RecallAt5);

    /// <summary>The retrieval's figures: "r_at_5" and "contain_at_50", proportions with their Wilson intervals.</summary>
    public IReadOnlyList<Figure> Figures() => [RecallAt5Figure, Figure.Proportion("contain_at_50", ContainAt50)];
}
