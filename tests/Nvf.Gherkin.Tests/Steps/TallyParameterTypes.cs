using System.Globalization;
using Reqnroll;

namespace Nvf.Gherkin.Tests.Steps;

/// <summary>The tally feature's parameter type and table conversion, as Reqnroll step argument transformations.</summary>
[Binding]
public static class TallyParameterTypes
{
    /// <summary>{percent}: "51%" as 0.51.</summary>
    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?\s?%)", Name = "percent")]
    public static double Percent(string text) => Fraction(text);

    /// <summary>A table of label | amount | share as tally lines.</summary>
    [StepArgumentTransformation]
    public static IReadOnlyList<TallyLine> Lines(DataTable table) =>
        table.Rows.Select(r => new TallyLine(r["label"], int.Parse(r["amount"], CultureInfo.InvariantCulture), Fraction(r["share"]))).ToList();

    static double Fraction(string text) =>
        double.Parse(text.TrimEnd('%', ' '), NumberStyles.Float, CultureInfo.InvariantCulture) / (text.EndsWith('%') ? 100.0 : 1.0);
}
