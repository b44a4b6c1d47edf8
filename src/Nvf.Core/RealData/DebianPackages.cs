using System.Diagnostics;

namespace Nvf.Core.RealData;

/// <summary>What dpkg says of an installed Debian package, for provenance.</summary>
public static class DebianPackages
{
    /// <summary>The installed version of <paramref name="package"/> ("1:3.0-37"), or "unknown" when dpkg does not list it.</summary>
    public static string Version(string package)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(package);
        try
        {
            var start = new ProcessStartInfo("dpkg-query", ["-W", "-f=${Version}", package]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start);
            if (process is null)
                return "unknown";
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && version.Length > 0 ? version : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
