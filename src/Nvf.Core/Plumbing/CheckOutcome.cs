namespace Nvf.Core.Plumbing;

/// <summary>The verdict of one plumbing check: passed or not, and every reason it did not.</summary>
/// <param name="Passed">True when every condition held.</param>
/// <param name="Failures">One sentence per condition that did not hold (empty when passed).</param>
public sealed record CheckOutcome(bool Passed, IReadOnlyList<string> Failures)
{
    /// <summary>Collects the conditions: each (held, sentence when it did not).</summary>
    public static CheckOutcome Of(params (bool Held, string Failure)[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var failures = conditions.Where(c => !c.Held).Select(c => c.Failure).ToArray();
        return new CheckOutcome(failures.Length == 0, failures);
    }

    /// <summary>"✅ PASS" or "❌ FAIL", as in the seed's tables.</summary>
    public string Status => Passed ? "✅ PASS" : "❌ FAIL";
}
