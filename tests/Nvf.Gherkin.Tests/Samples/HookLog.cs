namespace Nvf.Gherkin.Tests.Samples;

/// <summary>
/// What the sample hooks and steps did, in order. Flows with the inner run's async context so unit tests
/// and scenarios running at the same time each see only their own run.
/// </summary>
public static class HookLog
{
    static readonly AsyncLocal<List<string>?> Current = new();

    public static List<string> Start()
    {
        var log = new List<string>();
        Current.Value = log;
        return log;
    }

    public static void Add(string entry) => Current.Value?.Add(entry);
}
