using Nvf.Qdrant.Testing;

namespace Nvf.Qdrant.Tests;

/// <summary>A client wired to a fresh <see cref="QdrantRestDouble"/>, recording the backoff waits instead of sleeping.</summary>
internal sealed class DoubleClient : IDisposable
{
    private readonly List<TimeSpan> _waits = [];

    public DoubleClient(QdrantClientOptions? options = null, QdrantRestDouble? server = null)
    {
        Server = server ?? new QdrantRestDouble();
        var settings = options ?? new QdrantClientOptions(QdrantRestDouble.BaseAddress);
        Client = new QdrantClient(settings, Server, (wait, _) =>
        {
            lock (_waits)
                _waits.Add(wait);
            return Task.CompletedTask;
        });
    }

    public QdrantRestDouble Server { get; }

    public QdrantClient Client { get; }

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
                return _waits.ToArray();
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
