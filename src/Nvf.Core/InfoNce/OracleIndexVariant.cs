using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
namespace Nvf.Core.InfoNce;

/// <summary>Which index the oracle recall check searches: the real one or a negative control.</summary>
public enum OracleIndexVariant
{
    /// <summary>The IVF-Flat inner-product index over the whole payload.</summary>
    Payload,

    /// <summary>Control: IVF-Flat inner product over a slice of the payload, every id one more than its row.</summary>
    IdsShiftedByOne,

    /// <summary>Control: IVF-Flat inner product over a slice scaled by random norms (inner product is the wrong metric for unnormalized vectors).</summary>
    UnnormalizedInnerProduct,
}
