using System.Globalization;

namespace Nvf.Core.Provenance;

/// <summary>
/// This process's resident memory (Linux /proc/self/status): the current figure (VmRSS), the peak since start
/// or since the last <see cref="ResetPeak"/> (VmHWM), and the reset itself ("5" into /proc/self/clear_refs),
/// so that a peak can be attributed to one scenario. Elsewhere every figure is null.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Resident memory now, in bytes, or null when not readable.</summary>
    public static long? CurrentBytes => Field("VmRSS:");

    /// <summary>Peak resident memory since the process started or the last <see cref="ResetPeak"/>, in bytes, or null.</summary>
    public static long? PeakBytes => Field("VmHWM:");

    /// <summary>Starts a new peak window (the peak becomes the current figure); false when the kernel refuses.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>"7.42 GB" (decimal gigabytes, as README states the target).</summary>
    /// <param name="bytes">A size in bytes.</param>
    public static string Describe(long bytes) => (bytes / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " GB";

    private static long? Field(string name) =>
        long.TryParse(ProcessStatus.Field(name)?.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : null;
}
