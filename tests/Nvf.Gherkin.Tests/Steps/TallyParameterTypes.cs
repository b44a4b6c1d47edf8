using System.Globalization;
using Nvf.Gherkin.Tests.Samples;
using Reqnroll;

namespace Nvf.Gherkin.Tests.Steps;

/// <summary>The tally feature's parameter type and table conversion, as Reqnroll step argument transformations.</summary>
[Binding]
public static class TallyParameterTypes
{
    /// <summary>{percent}: "51%" as 0.51.</summary>
    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?\s?%)", Name = "percent")]
    public static double Percent(string text) => SampleParameterTypes.Fraction(text);

    /// <summary>A table of label | amount | share as tally lines.</summary>
    [StepArgumentTransformation]
    public static IReadOnlyList<TallyLine> Lines(DataTable table) =>
        table.Rows.Select(r => new TallyLine(r["label"], int.Parse(r["amount"], CultureInfo.InvariantCulture), SampleParameterTypes.Fraction(r["share"]))).ToList();
}
