namespace Nvf.Core.Plots;

/// <summary>One line of a plot: a name for the legend and its (x, y) points in x order.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">The points; non-finite y values are skipped.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
