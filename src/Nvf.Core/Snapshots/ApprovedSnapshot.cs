using Nvf.Core.History;

namespace Nvf.Core.Snapshots;

/// <summary>
/// Snapshot approval after the Verify convention: the approved text lives in a committed
/// "&lt;name&gt;.verified.&lt;ext&gt;"; a run whose scrubbed text differs writes "&lt;name&gt;.received.&lt;ext&gt;"
/// beside it and fails; approving moves the received file over the verified one.
/// </summary>
public static class ApprovedSnapshot
{
    /// <summary>The received file that belongs to <paramref name="verifiedPath"/>.</summary>
    /// <param name="verifiedPath">A path whose file name contains ".verified.".</param>
    public static string ReceivedPathFor(string verifiedPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(verifiedPath);
        var name = Path.GetFileName(verifiedPath);
        if (!name.Contains(".verified.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{verifiedPath}' is not a snapshot file name; expected '<name>.verified.<ext>', e.g. summary.verified.md.", nameof(verifiedPath));
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(verifiedPath))!, name.Replace(".verified.", ".received.", StringComparison.Ordinal));
    }

    /// <summary>Scrubs <paramref name="text"/> and compares it with the approved file.</summary>
    /// <param name="verifiedPath">The approved "*.verified.*" file (it may not exist yet).</param>
    /// <param name="text">The text produced now.</param>
    public static SnapshotVerdict Verify(string verifiedPath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var received = ReceivedPathFor(verifiedPath);
        var actual = SnapshotScrubber.Scrub(text);
        string? difference;
        if (!File.Exists(verifiedPath))
        {
            difference = $"nothing approved yet: {Path.GetFileName(verifiedPath)} does not exist";
        }
        else
        {
            difference = FirstDifference(File.ReadAllText(verifiedPath).ReplaceLineEndings("\n"), actual);
        }

        if (difference is null)
        {
            File.Delete(received);
            return new SnapshotVerdict(true, Path.GetFullPath(verifiedPath), received, null);
        }

        HistoryJson.WriteAtomically(received, actual);
        return new SnapshotVerdict(false, Path.GetFullPath(verifiedPath), received, difference);
    }

    /// <summary>Approves the last received text: moves "*.received.*" over "*.verified.*".</summary>
    /// <param name="verifiedPath">The approved file to replace.</param>
    public static void Approve(string verifiedPath)
    {
        var received = ReceivedPathFor(verifiedPath);
        if (!File.Exists(received))
        {
            throw new FileNotFoundException($"Nothing to approve: {received} does not exist; expected a failed snapshot comparison to have written it.", received);
        }

        File.Move(received, verifiedPath, overwrite: true);
    }

    // The first line that differs, or null when the texts are equal.
    static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end of file)";
            var al = i < a.Length ? a[i] : "(end of file)";
            if (el != al)
            {
                return $"line {i + 1}: expected '{el}' but got '{al}'";
            }
        }

        return "the texts differ only in their line endings";
    }
}
