using System.Globalization;
using System.Text.RegularExpressions;
using Nvf.Core.Data.NumPy;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Core.Decision;

/// <summary>
/// The seed's "monitor for epoch completion" loop, without the evaluation: finds predictions files (*.npy) in a
/// training run's folder that are complete and were not handed out before. A file is complete when its .npy header
/// parses and the data it announces is all there, and its size and modification time held still for one settle
/// period (a writer that appends in pieces is never read half-way; one that renames a finished temporary file in
/// place is read at once). Each complete file is handed out once, keyed by name, size and modification time, so a
/// file rewritten later counts as new.
/// </summary>
public sealed partial class EpochFileWatcher
{
    private readonly string folder;
    private readonly TimeSpan settle;
    private readonly TimeProvider clock;
    private readonly string pattern;
    private readonly HashSet<(string Name, long Size, DateTime Modified)> handedOut = [];
    private readonly Dictionary<string, (long Size, DateTime Modified, DateTimeOffset Since)> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> reportedIncomplete = new(StringComparer.Ordinal);

    /// <summary>Watches <paramref name="folder"/>; a file must hold still for <paramref name="settle"/> before it is read.</summary>
    public EpochFileWatcher(string folder, TimeSpan settle, TimeProvider? clock = null, string pattern = "*.npy")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        this.pattern = pattern;
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: no such folder; expected the training run's output folder");
        this.folder = folder;
        this.settle = settle;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// The files that became complete since the last call, oldest first; <paramref name="waiting"/> hears once per
    /// state about a file that is not complete yet (e.g. "epoch2.npy: 1,024 of 3,072,128 bytes").
    /// </summary>
    public IReadOnlyList<string> Poll(Action<string>? waiting = null)
    {
        var ready = new List<(string Path, DateTime Modified)>();
        foreach (var path in Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            FileInfo info;
            try
            {
                info = new FileInfo(path);
                info.Refresh();
            }
            catch (IOException)
            {
                continue;
            }

            var key = (info.Name, info.Length, info.LastWriteTimeUtc);
            if (handedOut.Contains(key))
                continue;
            var now = clock.GetUtcNow();
            if (!seen.TryGetValue(info.Name, out var last) || last.Size != info.Length || last.Modified != info.LastWriteTimeUtc)
            {
                seen[info.Name] = (info.Length, info.LastWriteTimeUtc, now);
                if (settle > TimeSpan.Zero)
                    continue;
            }
            else if (now - last.Since < settle)
            {
                continue;
            }

            if (Incomplete(path, info.Length) is { } why)
            {
                if (!reportedIncomplete.TryGetValue(info.Name, out var said) || said != why)
                {
                    reportedIncomplete[info.Name] = why;
                    waiting?.Invoke($"{info.Name}: {why}; waiting for the rest");
                }

                continue;
            }

            handedOut.Add(key);
            ready.Add((path, info.LastWriteTimeUtc));
        }

        return ready.OrderBy(r => r.Modified).ThenBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Path).ToList();
    }

    /// <summary>
    /// The epoch a training's history.json in <paramref name="folder"/> has reached: the "epoch" field of its last entry, or
    /// the number of entries (a JSON array, or an object holding one under "history" or "epochs"); null without a readable file.
    /// </summary>
    /// <param name="folder">The training run's folder.</param>
    public static int? EpochFromHistory(string folder)
    {
        var path = Path.Combine(folder, "history.json");
        if (!File.Exists(path))
            return null;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var list = root.ValueKind == System.Text.Json.JsonValueKind.Array ? root
                : root.ValueKind == System.Text.Json.JsonValueKind.Object && (root.TryGetProperty("history", out var h) || root.TryGetProperty("epochs", out h)) && h.ValueKind == System.Text.Json.JsonValueKind.Array ? h
                : default;
            if (list.ValueKind != System.Text.Json.JsonValueKind.Array || list.GetArrayLength() == 0)
                return null;
            var last = list[list.GetArrayLength() - 1];
            return last.ValueKind == System.Text.Json.JsonValueKind.Object && last.TryGetProperty("epoch", out var e) && e.TryGetInt32(out var epoch) ? epoch : list.GetArrayLength();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            // Being written right now, or not the training's history: the file name's epoch applies.
            return null;
        }
    }

    /// <summary>The epoch a file name states ("epoch3", "epoch_03", "ep-3"), or null.</summary>
    /// <param name="path">The file.</param>
    public static int? EpochOf(string path)
    {
        var match = EpochPattern().Match(Path.GetFileNameWithoutExtension(path));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    // Why a .npy file is not complete yet, or null when its header parses and all its data is there; any other file (a
    // checkpoint) is complete once its size held still for the settle time.
    private static string? Incomplete(string path, long length)
    {
        if (!path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
            return length > 0 ? null : "empty";
        try
        {
            var header = NpyReader.ReadHeader(path);
            var expected = header.DataOffset + header.DataBytes;
            return length < expected ? string.Create(CultureInfo.InvariantCulture, $"{length:N0} of {expected:N0} bytes") : null;
        }
        catch (Exception e) when (e is NpyFormatException or EndOfStreamException or InvalidDataException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes, the header is not complete");
        }
        catch (IOException e)
        {
            return "unreadable: " + e.Message;
        }
    }

    [GeneratedRegex(@"(?:epoch|ep)[_-]?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex EpochPattern();
}
