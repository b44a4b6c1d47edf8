using System.Text;

namespace Nvf.Gherkin.Reports;

/// <summary>Writes a file so that readers see the old content or the new, never a half-written one.</summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text to a temporary file beside <paramref name="path"/>, then renames it over the target.</summary>
    /// <param name="path">The target file; its folder is created when missing.</param>
    /// <param name="text">The content.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
