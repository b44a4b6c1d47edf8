using System.Runtime.CompilerServices;
using Nvf.Specs.Steps.Support;

namespace Nvf.Cli.Tests.Support;

/// <summary>Approved-file snapshots of the CLI tests, in Snapshots/ beside them (Verify's core, through <see cref="VerifiedSnapshot"/>).</summary>
public static class Snapshot
{
    /// <summary>Checks <paramref name="text"/> against Snapshots/&lt;name&gt;.verified.&lt;extension&gt;.</summary>
    /// <param name="name">The snapshot's name, unique across the tests.</param>
    /// <param name="text">The text.</param>
    /// <param name="extension">Its file extension ("md").</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's file.</param>
    public static Task Matches(string name, string text, string extension, [CallerFilePath] string sourceFile = "") =>
        VerifiedSnapshot.MatchesAsync(Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots"), name, text, extension);
}
