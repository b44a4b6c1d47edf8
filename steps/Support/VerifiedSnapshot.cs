using DiffEngine;
using Nvf.Core.Snapshots;
using Nvf.Gherkin.Running;
using VerifyTests;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// Approved-file snapshots with Verify's core (Verify.Xunit does not restore here; the core works without a test-framework
/// adapter): a text, scrubbed of run-specific values (<see cref="SnapshotScrubber"/>), is compared with
/// &lt;folder&gt;/&lt;name&gt;.verified.&lt;extension&gt;; a difference leaves &lt;name&gt;.received.&lt;extension&gt; beside it (ignored by
/// git) and fails with the command that approves it. Each snapshot has its own name: Verify refuses a second check of one
/// name in a process.
/// </summary>
public static class VerifiedSnapshot
{
    static VerifiedSnapshot() => DiffRunner.Disabled = true;

    /// <summary>Checks <paramref name="text"/> against the approved snapshot; throws <see cref="CheckFailedException"/> naming both files when it differs.</summary>
    /// <param name="folder">The folder of the approved files.</param>
    /// <param name="name">The snapshot's name (the file name before ".verified.").</param>
    /// <param name="text">The text (scrubbed here).</param>
    /// <param name="extension">Its file extension ("md").</param>
    public static async Task MatchesAsync(string folder, string name, string text, string extension)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new VerifySettings();
        settings.DisableRequireUniquePrefix();
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        File.Delete(received);
        try
        {
            using var verifier = new InnerVerifier(folder, name, settings);
            await verifier.VerifyString(SnapshotScrubber.Scrub(text), extension);
        }
        catch (Exception e) when (File.Exists(received))
        {
            // Verify's own exception type is internal; a mismatch is known by the received file it leaves.
            var first = e.Message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "the texts differ";
            throw new CheckFailedException($"the text differs from the approved {verified} ({first}); review {received} and, if it is right, approve it with: mv {received} {verified}");
        }
    }
}
