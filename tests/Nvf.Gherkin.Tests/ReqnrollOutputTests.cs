using FluentAssertions;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

/// <summary>What a step gives Reqnroll's IReqnrollOutputHelper lands in the reports, or fails the step saying why.</summary>
public sealed class ReqnrollOutputTests
{
    [Fact]
    public async Task Written_lines_and_attached_files_become_the_steps_attachments()
    {
        var (report, _) = await InnerRun.RunAsync(
            "Feature: F\n  Scenario: Out\n    Given the step writes two lines\n    And the step attaches the file \"nvf-output-test.svg\"\n",
            [typeof(OutputSteps)]);

        var steps = report.Scenario("Out").Steps;
        steps.Select(s => s.Status).Should().Equal(StepStatus.Passed, StepStatus.Passed);
        steps[0].Attachments.Select(a => (a.Kind, a.Title, a.Content)).Should().Equal((AttachmentKind.Text, "output", "first line" + Environment.NewLine + "second line"));
        steps[1].Attachments.Select(a => (a.Kind, a.Title)).Should().Equal((AttachmentKind.Svg, "nvf-output-test.svg"));
    }

    [Theory]
    [InlineData("nvf-output-test.bin", "the reports embed text (.txt .log .md .csv .tsv), JSON (.json) and SVG (.svg) files")]
    [InlineData("missing-nvf-output.txt", "no such file")]
    public async Task A_file_the_reports_cannot_embed_fails_the_step_naming_it(string name, string why)
    {
        var (report, _) = await InnerRun.RunAsync($"Feature: F\n  Scenario: Out\n    Given the step attaches the file \"{name}\"\n", [typeof(OutputSteps)]);

        var step = report.Scenario("Out").Steps.Single();
        step.Status.Should().Be(StepStatus.Failed);
        step.Error.Should().Contain(name).And.Contain(why);
        step.Attachments.Should().BeEmpty();
    }
}
