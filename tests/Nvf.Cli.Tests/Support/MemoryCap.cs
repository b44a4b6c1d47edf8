namespace Nvf.Cli.Tests.Support;

/// <summary>
/// A memory cgroup of its own under this process's memory cgroup (v1 memory.limit_in_bytes and memsw, or v2 memory.max
/// and memory.swap.max = 0) that caps what a child process may hold: its anonymous memory and the page cache it reads.
/// Removed on dispose. <see cref="Unavailable"/> says why none can be made here (no writable memory controller).
/// </summary>
internal sealed class MemoryCap : IDisposable
{
    private readonly string folder;
    private readonly bool version1;

    private MemoryCap(string folder, bool version1, long bytes)
    {
        this.folder = folder;
        this.version1 = version1;
        Bytes = bytes;
    }

    /// <summary>The cap in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Why no cap can be set here, or null when one can (probed once by making and removing a cgroup).</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>Makes a cgroup capped at <paramref name="bytes"/>, swap included.</summary>
    public static MemoryCap Create(long bytes)
    {
        var (parent, version1) = Parent() ?? throw new InvalidOperationException(Unavailable);
        var folder = Path.Combine(parent, $"nvf-memory-cap-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cap = new MemoryCap(folder, version1, bytes);
        if (version1)
        {
            File.WriteAllText(Path.Combine(folder, "memory.limit_in_bytes"), bytes.ToString());
            if (File.Exists(Path.Combine(folder, "memory.memsw.limit_in_bytes")))
                File.WriteAllText(Path.Combine(folder, "memory.memsw.limit_in_bytes"), bytes.ToString());
        }
        else
        {
            File.WriteAllText(Path.Combine(folder, "memory.max"), bytes.ToString());
            if (File.Exists(Path.Combine(folder, "memory.swap.max")))
                File.WriteAllText(Path.Combine(folder, "memory.swap.max"), "0");
        }

        return cap;
    }

    /// <summary>The most the cgroup held at once (v1 memory.max_usage_in_bytes, v2 memory.peak), or null where the kernel does not say.</summary>
    public long? PeakBytes
    {
        get
        {
            var file = Path.Combine(folder, version1 ? "memory.max_usage_in_bytes" : "memory.peak");
            return File.Exists(file) ? long.Parse(File.ReadAllText(file).Trim()) : null;
        }
    }

    /// <summary>Runs <paramref name="executable"/> with <paramref name="arguments"/> inside the cgroup (the shell joins it, then execs).</summary>
    public (int ExitCode, string Output, string Error) Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string executable, params string[] arguments) =>
        ChildProcess.Run("/bin/sh", ["-c", "echo $$ > \"$0\" && exec \"$@\"", Path.Combine(folder, "cgroup.procs"), executable, .. arguments],
            workingDirectory, environment, TimeSpan.FromMinutes(5));

    public void Dispose()
    {
        // The cgroup can be removed once its processes are gone; they have exited when Run returns.
        for (var attempt = 0; attempt < 50 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static (string Folder, bool Version1)? Parent()
    {
        foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3 && parts[1].Split(',').Contains("memory"))
                return (Path.Join("/sys/fs/cgroup/memory", parts[2]), true);
        }

        foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3 || parts[0] != "0" || parts[1].Length != 0)
                continue;
            foreach (var root in new[] { "/sys/fs/cgroup", "/sys/fs/cgroup/unified" })
            {
                var folder = Path.Join(root, parts[2]);
                var controllers = Path.Combine(folder, "cgroup.controllers");
                if (File.Exists(controllers) && File.ReadAllText(controllers).Split(' ', '\n').Contains("memory"))
                    return (folder, false);
            }
        }

        return null;
    }

    private static string? Probe()
    {
        if (!File.Exists("/proc/self/cgroup"))
            return "/proc/self/cgroup is missing: not Linux, no memory cgroup to cap a process with";
        if (Parent() is not { } parent)
            return "no memory controller in /proc/self/cgroup (cgroup v1 'memory' or v2 with 'memory' in cgroup.controllers): nothing can cap a child's memory here";
        var probe = Path.Combine(parent.Folder, $"nvf-memory-cap-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{parent.Folder} does not let this process make a child cgroup ({e.Message}): run the tests as root in a container with a writable memory cgroup";
        }
    }
}
