using Nvf.Qdrant.Servers;

namespace Nvf.Qdrant.Tests;

/// <summary>A scripted machine for <see cref="QdrantServerLocator"/>: nothing here touches the real system.</summary>
internal sealed class FakeHostProbe : IQdrantHostProbe
{
    private int _nextPort = 41000;
    private TimeSpan _now;

    public Dictionary<string, string> Environment { get; } = new();

    public Dictionary<string, string> Executables { get; } = new();

    /// <summary>Answers RunAsync by the joined arguments (e.g. "info", "run ...", "rm -f abc").</summary>
    public Func<string, ProcessOutcome> Commands { get; set; } = _ => new ProcessOutcome(0, "", "", false);

    /// <summary>Answers one readiness probe: (address, probes so far) => null when ready, else why not.</summary>
    public Func<Uri, int, string?> Ready { get; set; } = (_, _) => null;

    public List<string> CommandLog { get; } = [];

    public List<FakeProcess> Started { get; } = [];

    public List<string> Deleted { get; } = [];

    public int Probes { get; private set; }

    public FakeProcess? NextProcess { get; set; }

    public TimeSpan MonotonicNow => _now;

    public string? GetEnvironmentVariable(string name) => Environment.GetValueOrDefault(name);

    public string? FindExecutable(string name) => Executables.GetValueOrDefault(name);

    public Task<ProcessOutcome> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string line = string.Join(' ', arguments);
        CommandLog.Add($"{file} {line}");
        return Task.FromResult(Commands(line));
    }

    public IStartedProcess Start(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var process = NextProcess ?? new FakeProcess();
        process.File = file;
        process.Environment = environment;
        process.WorkingDirectory = workingDirectory;
        Started.Add(process);
        return process;
    }

    public int FindFreeLoopbackPort() => _nextPort++;

    public Task<string?> ProbeReadyAsync(Uri baseAddress, string? apiKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Probes++;
        LastApiKey = apiKey;
        return Task.FromResult(Ready(baseAddress, Probes));
    }

    public string? LastApiKey { get; private set; }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _now += delay;
        return Task.CompletedTask;
    }

    public string CreateTemporaryDirectory() => "/tmp/fake-qdrant-storage";

    public void DeleteDirectory(string path) => Deleted.Add(path);

    internal sealed class FakeProcess : IStartedProcess
    {
        public string File { get; set; } = "";

        public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        public string WorkingDirectory { get; set; } = "";

        public bool Disposed { get; private set; }

        public int Id => 4242;

        public bool HasExited { get; set; }

        public int? ExitCode { get; set; }

        public string RecentOutput { get; set; } = "(no output)";

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
