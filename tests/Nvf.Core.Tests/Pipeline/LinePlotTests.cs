using System.Xml.Linq;
using FluentAssertions;
using Nvf.Core.Plots;
using Nvf.Core.Training;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

public sealed class LinePlotTests
{
    [Fact]
    public void ATrainingCurveBecomesWellFormedSvgWithOnePolylinePerSeries()
    {
        var curve = new TrainingCurve("reranker <rich> & co");
        for (var e = 1; e <= 5; e++)
        {
            curve.Add(new EpochRecord(e, 1.0 / e, 0.5 + (0.05 * e), e));
        }

        var svg = TrainingCurvePlot.Render(curve);

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        document.Root!.Name.Should().Be(ns + "svg");
        var lines = document.Descendants(ns + "polyline").ToList();
        lines.Should().HaveCount(2, "a loss panel and a validation panel");
        lines[0].Attribute("points")!.Value.Split(' ').Should().HaveCount(5);
        svg.Should().Contain("reranker &lt;rich&gt; &amp; co").And.NotContain("href", "the plot needs no external asset");
    }

    [Fact]
    public void AnUnvalidatedCurveHasOnlyTheLossPanel()
    {
        var curve = new TrainingCurve("soft attention");
        curve.Add(new EpochRecord(1, 2.0, double.NaN, 1));

        var svg = XDocument.Parse(TrainingCurvePlot.Render(curve));

        svg.Descendants().Count(e => e.Name.LocalName == "polyline").Should().Be(1);
    }

    [Fact]
    public void APlotWithoutFinitePointsIsRefused()
    {
        FluentActions.Invoking(() => new LinePlot().AddPanel("empty", "x", "y", [new PlotSeries("s", [(1, double.NaN)])]))
            .Should().Throw<ArgumentException>().WithMessage("*no finite point*");
        FluentActions.Invoking(() => new LinePlot().ToSvg()).Should().Throw<InvalidOperationException>();
    }
}
