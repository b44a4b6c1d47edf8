namespace Nvf.Core.Criteria;

/// <summary>The verdict of an accuracy criterion.</summary>
public enum CriterionOutcome
{
    /// <summary>The point estimate reaches the target.</summary>
    Met,

    /// <summary>The point estimate falls short of a target the oracle ceiling allows.</summary>
    Missed,

    /// <summary>The target lies above the oracle ceiling's whole 95% interval: no method could meet it on this distribution.</summary>
    Unreachable,
}
