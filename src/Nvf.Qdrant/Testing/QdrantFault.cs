using System.Net;

namespace Nvf.Qdrant.Testing;

/// <summary>
/// A fault for <see cref="QdrantRestDouble"/>: among the requests that <see cref="Match"/>
/// accepts, the first <see cref="Skip"/> are served normally and the next <see cref="Times"/>
/// get the fault.
/// </summary>
public sealed record QdrantFault
{
    private QdrantFault(QdrantFaultKind kind, int times)
    {
        if (times < 1)
            throw new ArgumentOutOfRangeException(nameof(times), times, "expected a fault to apply at least once");
        Kind = kind;
        Times = times;
    }

    /// <summary>What the fault does.</summary>
    public QdrantFaultKind Kind { get; }

    /// <summary>How many matching requests get the fault.</summary>
    public int Times { get; }

    /// <summary>Matching requests served normally before the fault starts.</summary>
    public int Skip { get; init; }

    /// <summary>Which requests the fault concerns; null means all.</summary>
    public Func<RecordedRequest, bool>? Match { get; init; }

    /// <summary>The status answered by a <see cref="QdrantFaultKind.Status"/> fault.</summary>
    public HttpStatusCode StatusCode { get; private init; }

    /// <summary>The status.error text answered by a <see cref="QdrantFaultKind.Status"/> fault.</summary>
    public string ErrorText { get; private init; } = "";

    /// <summary>The wait of a <see cref="QdrantFaultKind.Delay"/> fault.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>The Retry-After a <see cref="QdrantFaultKind.Status"/> fault sends, or null for none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The update status an <see cref="QdrantFaultKind.UpdateStatus"/> fault answers.</summary>
    public string Update { get; private init; } = "";

    /// <summary>Serves the request, then fails as a lost answer (the client sees a timeout), <paramref name="times"/> times.</summary>
    public static QdrantFault ServeThenDrop(int times = 1) => new(QdrantFaultKind.ServeThenDrop, times);

    /// <summary>Serves an upsert and answers its result.status as <paramref name="status"/>, <paramref name="times"/> times.</summary>
    public static QdrantFault UpdateStatus(string status, int times = 1) => new(QdrantFaultKind.UpdateStatus, times) { Update = status };

    /// <summary>Answers <paramref name="status"/> with {"status":{"error": <paramref name="errorText"/>}} <paramref name="times"/> times.</summary>
    public static QdrantFault Status(HttpStatusCode status, string errorText, int times = 1) =>
        new(QdrantFaultKind.Status, times) { StatusCode = status, ErrorText = errorText };

    /// <summary>Waits <paramref name="delay"/> before serving, <paramref name="times"/> times.</summary>
    public static QdrantFault Slow(TimeSpan delay, int times = 1) =>
        new(QdrantFaultKind.Delay, times) { Delay = delay };

    /// <summary>Refuses the connection <paramref name="times"/> times.</summary>
    public static QdrantFault Refuse(int times = 1) => new(QdrantFaultKind.Refuse, times);
}
