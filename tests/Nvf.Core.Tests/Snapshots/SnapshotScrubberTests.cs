using FluentAssertions;
using Nvf.Core.Snapshots;
using Xunit;

namespace Nvf.Core.Tests.Snapshots;

public sealed class SnapshotScrubberTests
{
    [Theory]
    [InlineData("started 2026-11-22 05:05:43 UTC · 12.3 s", "started {timestamp} · {duration}")]
    [InlineData("at 2026-11-22T05:05:43.1234567+00:00 and 2026-11-22T05:05Z", "at {timestamp} and {timestamp}")]
    [InlineData("| ✅ | Feature | Scenario | 1234 ms |", "| ✅ | Feature | Scenario | {duration} |")]
    [InlineData("training curve (40 epochs, kept 12, 35 s) and 2.5 min", "training curve (40 epochs, kept 12, {duration}) and {duration}")]
    [InlineData("run 20261122-050543-a1b2c3 wrote /work/main/artifacts/runs/x/acceptance.md", "run {run-id} wrote {path}")]
    [InlineData(@"on C:\Users\me\repo\report.md done", "on {path} done")]
    public void Run_dependent_parts_become_placeholders(string text, string expected) =>
        SnapshotScrubber.Scrub(text).Should().Be(expected);

    [Theory]
    [InlineData("Top-1 68.0% [66.7, 69.3] (n = 5000) over 50 epochs")]
    [InlineData("R@1/R@5 of nvf/soft_attention.feature:12 at 1/2 scale")]
    [InlineData("see https://example.org/a/b and 5000 fresh queries, dim 128, 1,024 lists")]
    public void Numbers_names_relative_paths_and_urls_are_kept(string text) =>
        SnapshotScrubber.Scrub(text).Should().Be(text);

    [Fact]
    public void Line_endings_are_normalised() =>
        SnapshotScrubber.Scrub("a\r\nb\rc\n").Should().Be("a\nb\nc\n");
}
