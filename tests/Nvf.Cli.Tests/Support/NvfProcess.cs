namespace Nvf.Cli.Tests.Support;

/// <summary>Runs the built `nvf` as a user would (its own process), so exit codes and stderr are the real ones.</summary>
public static class NvfProcess
{
    /// <summary>nvf.dll beside the test assembly (the project reference copies it with its runtime config and features/).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "nvf.dll");

    /// <summary>Plain output: no colours or markup codes in what the tests read.</summary>
    public static IReadOnlyDictionary<string, string?> NoColor { get; } = new Dictionary<string, string?> { ["NO_COLOR"] = "1" };

    /// <summary>What `nvf watch` prints once its signal handlers are in place and it waits for files.</summary>
    public const string WatchIsWaiting = "nvf watch: waiting for";

    /// <summary>
    /// For <see cref="RunWhile"/>: waits until `nvf watch` is waiting, then does <paramref name="then"/> (signal it, start a
    /// simulated training). Timing from the test's start instead raced the child's start-up on a loaded host.
    /// </summary>
    public static Action<RunningChild> WhenWatchWaits(Action<RunningChild> then) => child =>
    {
        child.WaitForOutput(WatchIsWaiting, TimeSpan.FromSeconds(60));
        then(child);
    };

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments) =>
        RunWith(NoColor, workingDirectory, arguments);

    /// <summary>Runs with <paramref name="environment"/> set (a null value removes the variable).</summary>
    public static (int ExitCode, string Output, string Error) RunWith(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments) =>
        RunWhile(null, environment, workingDirectory, arguments);

    /// <summary>Runs with <paramref name="environment"/> set, handing the running process to <paramref name="started"/> (e.g. to signal it).</summary>
    public static (int ExitCode, string Output, string Error) RunWhile(Action<RunningChild>? started, IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments) =>
        ChildProcess.Run("dotnet", [Dll, .. arguments], workingDirectory, Adjusted(environment), TimeSpan.FromSeconds(120), started);

    /// <summary>
    /// As <see cref="RunWhile"/>, with Ctrl-C (SIGINT) at its default disposition in the child, or ignored when
    /// <paramref name="ctrlCIgnored"/>. A test run started as a background job of a non-interactive shell (as `./test.sh &amp;`
    /// in a script) ignores SIGINT, every process it starts inherits the ignore, and .NET keeps an ignored SIGINT ignored:
    /// the signal a test sends would never arrive. Debian's Python sets the disposition and then becomes nvf (exec: the
    /// same process id), as an interactive terminal or a background job starts it.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunWithCtrlC(bool ctrlCIgnored, Action<RunningChild> started, IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(
            "/usr/bin/python3",
            ["-c", $"import os, signal, sys; signal.signal(signal.SIGINT, signal.{(ctrlCIgnored ? "SIG_IGN" : "SIG_DFL")}); os.execvp(sys.argv[1], sys.argv[1:])", "dotnet", Dll, .. arguments],
            workingDirectory, Adjusted(environment), TimeSpan.FromSeconds(120), started);

    // The repository is found from the working directory, never from the test's environment; a wide console keeps
    // Spectre's tables on one line per row.
    static Dictionary<string, string?> Adjusted(IReadOnlyDictionary<string, string?> environment)
    {
        var adjusted = new Dictionary<string, string?> { ["NVF_REPOSITORY_ROOT"] = null, ["COLUMNS"] = "240" };
        foreach (var (name, value) in environment)
            adjusted[name] = value;
        return adjusted;
    }
}
