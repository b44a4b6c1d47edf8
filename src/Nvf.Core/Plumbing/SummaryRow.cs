namespace Nvf.Core.Plumbing;

/// <summary>One row of the seed's summary table: Check | Result | Status.</summary>
/// <param name="Check">The check's name as the seed writes it ("Vector norm", "Oracle R@5", ...).</param>
/// <param name="Result">The measured result ("mean=1.000", "100.0%").</param>
/// <param name="Status">"✅ PASS", "❌ FAIL", a decision, or "⏳ Pending" when not measured.</param>
public sealed record SummaryRow(string Check, string Result, string Status)
{
    /// <summary>The seed's status of a check not measured yet.</summary>
    public const string Pending = "⏳ Pending";

    /// <summary>True when the row has not been filled in.</summary>
    public bool IsPending => Status == Pending;
}
