using System.Globalization;

namespace Nvf.Core.Provenance;

/// <summary>Fields of this process's Linux /proc/self/status (memory figures, signal dispositions); null or false elsewhere.</summary>
public static class ProcessStatus
{
    /// <summary>The text after <paramref name="name"/> (e.g. "VmHWM:") on its line, trimmed, or null when not readable.</summary>
    /// <param name="name">The field's name with its colon.</param>
    public static string? Field(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            return File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when this process ignores <paramref name="signal"/> (SigIgn), e.g. SIGINT (2) inherited as ignored from a background
    /// job of a non-interactive shell or nohup, which .NET keeps; false when not readable.
    /// </summary>
    /// <param name="signal">The Linux signal number.</param>
    public static bool Ignores(int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(signal, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(signal, 64);
        return ulong.TryParse(Field("SigIgn:"), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask) && (mask & (1UL << (signal - 1))) != 0;
    }
}
