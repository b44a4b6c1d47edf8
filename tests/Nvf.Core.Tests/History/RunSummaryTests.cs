using System.Xml.Linq;
using FluentAssertions;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Xunit;

namespace Nvf.Core.Tests.History;

public sealed class RunSummaryTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    static readonly Baseline Accepted = new()
    {
        Name = "gate",
        AcceptedRunId = "r1",
        AcceptedUtc = Monday,
        GitCommit = "abc",
        Metrics = new Dictionary<string, BaselineMetric> { ["nvf.top1"] = new(0.68, MetricDirection.HigherIsBetter, new MetricTolerance(Absolute: 0.02)) },
    };

    [Fact]
    public void A_regression_is_listed_with_obtained_expected_and_difference_and_history_side_by_side()
    {
        var runs = new[] { SampleRuns.Run("r1", Monday, SampleRuns.Top1(0.68)), SampleRuns.Run("r2", Monday.AddHours(1), SampleRuns.Top1(0.6)) };
        var comparison = BaselineComparison.Compare(Accepted, runs[1].Metrics);

        var markdown = RunSummary.MarkdownDocument(runs[1], runs, comparison);

        markdown.Should().Contain("1 of 1 metrics regressed beyond their tolerance:")
            .And.Contain("| nvf.top1 | 0.6 | 0.68 | -0.08 | ±0.02 | higher |")
            .And.Contain("| metric | r1 | r2 |")
            .And.Contain("| nvf.top1 | 0.68 | 0.6 |")
            .And.Contain("| passed | Feature | Scenario | 1.2 |");
    }

    [Fact]
    public void The_html_page_is_well_formed_with_an_inline_trend_plot_and_says_when_no_baseline_exists()
    {
        var runs = new[] { SampleRuns.Run("r1", Monday, SampleRuns.Top1(0.68, 0.667, 0.693)), SampleRuns.Run("r2", Monday.AddHours(1), SampleRuns.Top1(0.7, 0.687, 0.713)) };

        var page = RunSummary.HtmlPage(runs[1], runs, comparison: null);

        // The page is XHTML-clean apart from its doctype, so an XML parser checks it is well formed.
        var document = XDocument.Parse(page.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal).Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal));
        document.Descendants().Should().Contain(e => e.Name.LocalName == "svg");
        page.Should().Contain("No baseline accepted yet").And.NotContain("<script");
    }
}
