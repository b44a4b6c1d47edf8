using System.Xml.Linq;
using FluentAssertions;
using Nvf.Core.History;
using Xunit;

namespace Nvf.Core.Tests.History;

public sealed class MetricTrendsTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    static IReadOnlyList<RunRecord> ThreeRuns() =>
    [
        SampleRuns.Run("r1", Monday, SampleRuns.Top1(0.68, 0.667, 0.693)),
        SampleRuns.Run("r2", Monday.AddHours(1), SampleRuns.Top1(0.70, 0.687, 0.713), new RecordedMetric("loss", 0.8, MetricDirection.LowerIsBetter)),
        SampleRuns.Run("r3", Monday.AddHours(2), SampleRuns.Top1(0.66, 0.647, 0.673)),
    ];

    [Fact]
    public void Side_by_side_has_one_column_per_run_and_blanks_where_a_run_lacks_the_metric()
    {
        var (headers, rows) = MetricTrends.SideBySide(ThreeRuns());

        headers.Should().Equal("metric", "r1", "r2", "r3");
        rows.Should().HaveCount(2);
        rows[0].Should().Equal("nvf.top1", "0.68", "0.7", "0.66");
        rows[1].Should().Equal("loss", "", "0.8", "");
    }

    [Fact]
    public void Trend_svg_draws_a_panel_per_metric_seen_often_enough_and_is_well_formed()
    {
        var svg = MetricTrends.RenderSvg(ThreeRuns(), minimumRuns: 2, maximumPanels: 10)!;

        var document = XDocument.Parse(svg);
        document.Root!.Name.LocalName.Should().Be("svg");
        svg.Should().Contain("nvf.top1 (higher is better)").And.NotContain("loss");
        document.Descendants().Count(e => e.Name.LocalName == "polyline").Should().Be(3, "value plus the interval's two ends");
        MetricTrends.RenderSvg(ThreeRuns(), minimumRuns: 4, maximumPanels: 10).Should().BeNull();
        MetricTrends.RenderSvg(ThreeRuns(), minimumRuns: 1, maximumPanels: 1).Should().NotContain("loss");
    }
}
