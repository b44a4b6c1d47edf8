using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>The success criteria of epoch 1 (pure-infonce-sanity-report.md, "Success Criteria"), lowest first.</summary>
public enum SuccessTier
{
    /// <summary>Not even the minimum: R@5 = 0% or delta &lt;= 0.05.</summary>
    None,

    /// <summary>R@5 > 0% and delta > 0.05 (any retrieval, some separation).</summary>
    Minimum,

    /// <summary>R@5 >= 5% and delta >= 0.10 (meaningful signal, clear separation).</summary>
    Good,

    /// <summary>R@5 >= 10% and delta >= 0.15 (strong signal, wide separation).</summary>
    Strong,
}
