using FluentAssertions;
using Nvf.Core.Snapshots;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Snapshots;

public sealed class ApprovedSnapshotTests
{
    [Fact]
    public void First_run_writes_received_then_approval_makes_the_next_run_match()
    {
        using var temp = new TempFolder();
        var verified = temp.File("summary.verified.md");

        var first = ApprovedSnapshot.Verify(verified, "## ✅ gate\n\n3 scenarios in 12.3 s\n");

        first.Matched.Should().BeFalse();
        first.Difference.Should().StartWith("nothing approved yet");
        first.ReceivedPath.Should().Be(temp.File("summary.received.md"));
        File.ReadAllText(first.ReceivedPath).Should().Be("## ✅ gate\n\n3 scenarios in {duration}\n");

        ApprovedSnapshot.Approve(verified);
        var second = ApprovedSnapshot.Verify(verified, "## ✅ gate\r\n\r\n3 scenarios in 99.9 s\r\n");

        second.Matched.Should().BeTrue("only the duration and line endings changed");
        File.Exists(first.ReceivedPath).Should().BeFalse();
    }

    [Fact]
    public void A_change_writes_received_beside_verified_and_names_the_first_differing_line()
    {
        using var temp = new TempFolder();
        var verified = temp.File("summary.verified.md");
        File.WriteAllText(verified, "## ✅ gate\n\n3 scenarios: 3 passed\n");

        var verdict = ApprovedSnapshot.Verify(verified, "## ❌ gate\n\n3 scenarios: 2 passed, 1 failed\n");

        verdict.Matched.Should().BeFalse();
        verdict.Difference.Should().Be("line 1: expected '## ✅ gate' but got '## ❌ gate'");
        File.ReadAllText(verified).Should().Be("## ✅ gate\n\n3 scenarios: 3 passed\n", "the approved file is never touched by a comparison");
        File.Exists(temp.File("summary.received.md")).Should().BeTrue();
    }

    [Fact]
    public void Names_without_verified_and_approval_without_received_are_refused()
    {
        using var temp = new TempFolder();

        FluentActions.Invoking(() => ApprovedSnapshot.Verify(temp.File("summary.md"), "x"))
            .Should().Throw<ArgumentException>().WithMessage("*expected '<name>.verified.<ext>'*");
        FluentActions.Invoking(() => ApprovedSnapshot.Approve(temp.File("summary.verified.md")))
            .Should().Throw<FileNotFoundException>().WithMessage("Nothing to approve*");
    }
}
