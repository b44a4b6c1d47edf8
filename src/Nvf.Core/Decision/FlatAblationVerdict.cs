using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>What the flat-index ablation says after the IVF index found nothing (pure-infonce-sanity-report.md, "Flat Index Ablation").</summary>
public enum FlatAblationVerdict
{
    /// <summary>Flat R@5 is still 0%: the model is the issue, not the ANN index.</summary>
    ModelIsTheIssue,

    /// <summary>Flat R@5 is above 0% where IVF found nothing: quantization loss of the ANN index.</summary>
    AnnIsTheIssue,
}
