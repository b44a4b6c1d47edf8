using System.Runtime.CompilerServices;
using DiffEngine;
using VerifyTests;

namespace Nvf.Cli.Tests.Support;

/// <summary>
/// Approved-file snapshots with Verify's core (Verify.Xunit does not restore here): the text is compared with
/// Snapshots/&lt;name&gt;.verified.&lt;extension&gt; beside the tests; a difference fails the test and leaves a .received. file
/// to inspect and, when the change is intended, rename over the verified one. Each snapshot has its own name (Verify refuses
/// a second check of one name in a process).
/// </summary>
public static class Snapshot
{
    static Snapshot() => DiffRunner.Disabled = true;

    /// <summary>Checks <paramref name="text"/> against the approved snapshot <paramref name="name"/>.</summary>
    /// <param name="name">The snapshot's file name stem, unique across the tests.</param>
    /// <param name="text">The text.</param>
    /// <param name="extension">Its file extension ("md", "txt").</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's file (the snapshots live beside it).</param>
    public static async Task Matches(string name, string text, string extension, [CallerFilePath] string sourceFile = "")
    {
        var settings = new VerifySettings();
        settings.DisableRequireUniquePrefix();
        using var verifier = new InnerVerifier(Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots"), name, settings);
        await verifier.VerifyString(text, extension);
    }
}
