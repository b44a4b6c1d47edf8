using System.Diagnostics;

namespace Nvf.Core.Provenance;

/// <summary>
/// The commit a run was made from. Read from the repository files first (.git/HEAD, loose refs,
/// packed-refs; worktrees' "gitdir:" files too), then from <c>git rev-parse HEAD</c> with a
/// timeout; when neither works the commit is "unknown" and <see cref="Reason"/> says why.
/// </summary>
/// <param name="Commit">40-hex commit id, or "unknown".</param>
/// <param name="Branch">Branch name when HEAD points at one (e.g. "main"), null when detached or unknown.</param>
/// <param name="Source">How the commit was found: "git files", "git rev-parse" or "unknown".</param>
/// <param name="Reason">Why the commit is unknown (null when known).</param>
public sealed record GitRevision(string Commit, string? Branch, string Source, string? Reason)
{
    /// <summary>The placeholder commit when no revision could be found.</summary>
    public const string Unknown = "unknown";

    /// <summary>How long <c>git rev-parse</c> may take before it is abandoned.</summary>
    public static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Finds the revision of the repository containing <paramref name="path"/> (a folder inside the work tree).</summary>
    public static GitRevision Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string filesProblem;
        try
        {
            var fromFiles = FromFiles(Path.GetFullPath(path), out filesProblem);
            if (fromFiles is not null)
                return fromFiles;
        }
        catch (IOException e)
        {
            filesProblem = $"reading .git failed: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            filesProblem = $"reading .git failed: {e.Message}";
        }
        var fromGit = FromGitCommand(path, out var gitProblem);
        return fromGit ?? new GitRevision(Unknown, null, "unknown", $"{filesProblem}; {gitProblem}");
    }

    private static GitRevision? FromFiles(string start, out string problem)
    {
        var gitDir = FindGitDir(start);
        if (gitDir is null)
        {
            problem = $"no .git above {start}";
            return null;
        }
        var commonDir = gitDir;
        var commonFile = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile))
            commonDir = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));

        var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            problem = IsCommitId(head) ? "" : $"HEAD holds '{head}', neither a ref nor a commit id";
            return IsCommitId(head) ? new GitRevision(head, null, "git files", null) : null;
        }
        var refName = head[4..].Trim();
        var branch = refName.StartsWith("refs/heads/", StringComparison.Ordinal) ? refName["refs/heads/".Length..] : null;
        foreach (var dir in new[] { gitDir, commonDir })
        {
            var loose = Path.Combine(dir, refName);
            if (File.Exists(loose))
            {
                var id = File.ReadAllText(loose).Trim();
                if (IsCommitId(id))
                {
                    problem = "";
                    return new GitRevision(id, branch, "git files", null);
                }
            }
        }
        var packed = Path.Combine(commonDir, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (var line in File.ReadLines(packed))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length == 2 && parts[1] == refName && IsCommitId(parts[0]))
                {
                    problem = "";
                    return new GitRevision(parts[0], branch, "git files", null);
                }
            }
        }
        problem = $"HEAD points at {refName}, which has no commit yet (or is stored in a way this reader does not know)";
        return null;
    }

    private static string? FindGitDir(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(candidate))
                return candidate;
            if (File.Exists(candidate))
            {
                // Worktrees and submodules: ".git" is a file "gitdir: <path>".
                var text = File.ReadAllText(candidate).Trim();
                if (text.StartsWith("gitdir:", StringComparison.Ordinal))
                    return Path.GetFullPath(Path.Combine(dir.FullName, text["gitdir:".Length..].Trim()));
            }
        }
        return null;
    }

    private static GitRevision? FromGitCommand(string path, out string problem)
    {
        try
        {
            var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = path };
            info.ArgumentList.Add("rev-parse");
            info.ArgumentList.Add("HEAD");
            using var process = Process.Start(info);
            if (process is null)
            {
                problem = "git could not be started";
                return null;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                problem = $"git rev-parse did not answer within {GitTimeout.TotalSeconds:0} s";
                return null;
            }
            var id = output.Result.Trim();
            if (process.ExitCode != 0 || !IsCommitId(id))
            {
                problem = $"git rev-parse failed: {errors.Result.Trim()}";
                return null;
            }
            problem = "";
            return new GitRevision(id, null, "git rev-parse", null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            problem = $"git is not available: {e.Message}";
            return null;
        }
        catch (DirectoryNotFoundException e)
        {
            problem = $"git could not run in {path}: {e.Message}";
            return null;
        }
    }

    private static bool IsCommitId(string text) =>
        text.Length is 40 or 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
