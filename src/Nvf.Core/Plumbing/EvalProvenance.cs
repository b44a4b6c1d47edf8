using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Provenance;

namespace Nvf.Core.Plumbing;

/// <summary>
/// Where the eval set came from (pure-infonce-sanity-report.md, "Eval Provenance": file, shapes,
/// when aligned) and how leaked it is: the share of eval articles that also appear in training (the
/// seed's set: 91.5%, evaluated as if it were held out). Any leakage above 0% is flagged.
/// </summary>
/// <param name="Source">Where the data came from.</param>
/// <param name="File">The eval .npz with its SHA-256 and size.</param>
/// <param name="Contexts">Shape of contexts (N, C, D).</param>
/// <param name="Targets">Shape of targets (N, D).</param>
/// <param name="TruthKeys">Shape of truth keys (N, 2).</param>
/// <param name="AlignedUtc">When eval alignment was verified in this run, or null when not yet.</param>
/// <param name="Split">Train and eval articles, or null when no training set is known.</param>
public sealed record EvalProvenance(string Source, FileDigest File, int[] Contexts, int[] Targets, int[] TruthKeys, DateTimeOffset? AlignedUtc, ArticleSplit? Split)
{
    /// <summary>Share of eval articles also trained on, or null when unknown.</summary>
    public double? LeakedShare => Split?.LeakedShare;

    /// <summary>True when any eval article was also trained on.</summary>
    public bool LeakageFlagged => Split is not null && Split.LeakedShare > 0;

    /// <summary>Records the provenance of <paramref name="data"/>'s eval set (hashing its file).</summary>
    public static EvalProvenance Record(GateData data, DateTimeOffset? alignedUtc)
    {
        ArgumentNullException.ThrowIfNull(data);
        var eval = data.Eval;
        return new EvalProvenance(
            data.Source, FileDigest.Compute(data.EvalFile),
            [eval.Count, eval.ContextLength, eval.Dimension], [eval.Count, eval.Dimension], [eval.Count, 2], alignedUtc, data.Split);
    }
}
