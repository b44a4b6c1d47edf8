namespace Nvf.Qdrant.Servers;

/// <summary>
/// The outcome of looking for a Qdrant server: a ready <see cref="Server"/>, or none with the
/// reason each source failed (a scenario needing Qdrant is then SKIPPED with <see cref="SkipReason"/>).
/// </summary>
public sealed class QdrantServerDiscovery
{
    internal QdrantServerDiscovery(QdrantServer? server, IReadOnlyList<string> reasons)
    {
        Server = server;
        Reasons = reasons;
    }

    /// <summary>The server found, or null.</summary>
    public QdrantServer? Server { get; }

    /// <summary>Why each source tried before the result did not give a server, in the order tried.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>True when <see cref="Server"/> is not null.</summary>
    public bool IsAvailable => Server is not null;

    /// <summary>One line naming every reason, for skip messages and reports.</summary>
    public string SkipReason => "no Qdrant server: " + string.Join("; ", Reasons);
}
