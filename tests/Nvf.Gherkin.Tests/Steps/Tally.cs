namespace Nvf.Gherkin.Tests.Steps;

/// <summary>Per-scenario context of the runner's own arithmetic feature: created on first use, disposed at scenario end.</summary>
public sealed class Tally : IDisposable
{
    static int live;

    public Tally() => Interlocked.Increment(ref live);

    /// <summary>Tallies alive right now; one per running scenario proves the previous one was disposed.</summary>
    public static int Live => Volatile.Read(ref live);

    public List<double> Amounts { get; } = [];

    public List<double> Shares { get; } = [];

    public string Note { get; set; } = "";

    public void Dispose() => Interlocked.Decrement(ref live);
}
