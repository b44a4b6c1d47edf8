using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nvf.Core.History;

/// <summary>The JSON shape of run records and baselines: indented camelCase, enums by name, comments allowed when read.</summary>
public static class HistoryJson
{
    /// <summary>The serializer options both stores use.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Files for people to read and diff: "feature › scenario" stays as written, not \u203A.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="text"/> so that readers see the old file or the whole new one, never a part:
    /// a temporary file in the same folder, flushed to disk, then renamed over the target.</summary>
    /// <param name="path">The target file; its folder is created when missing.</param>
    /// <param name="text">UTF-8 content.</param>
    public static void WriteAtomically(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
