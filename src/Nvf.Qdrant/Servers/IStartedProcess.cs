namespace Nvf.Qdrant.Servers;

/// <summary>A long-running child process; disposing it kills the process tree and waits for it.</summary>
public interface IStartedProcess : IAsyncDisposable
{
    /// <summary>Operating-system process id.</summary>
    int Id { get; }

    /// <summary>True once the process has ended.</summary>
    bool HasExited { get; }

    /// <summary>Exit code once <see cref="HasExited"/>, else null.</summary>
    int? ExitCode { get; }

    /// <summary>The last lines the process wrote (stdout and stderr), for error messages.</summary>
    string RecentOutput { get; }
}
