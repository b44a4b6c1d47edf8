using System.Globalization;
using System.Text.RegularExpressions;
using Reqnroll;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>
/// The custom parameter types and table conversions the samples use, declared the Reqnroll way: a
/// [StepArgumentTransformation] with a Name is a Cucumber-expression parameter type; one taking a DataTable
/// turns a table into records.
/// </summary>
[Binding]
public static partial class SampleParameterTypes
{
    /// <summary>{percent}: "95.2%" as 0.952.</summary>
    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?\s?%)", Name = "percent")]
    public static double Percent(string text) => Fraction(text);

    /// <summary>{duration}: "250ms", "1.5 s", "3 min", "2h".</summary>
    [StepArgumentTransformation(@"(\d+(?:\.\d+)?\s?(?:ms|s|min|h))", Name = "duration")]
    public static TimeSpan Duration(string text)
    {
        var match = DurationText().Match(text);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "min" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromHours(value),
        };
    }

    /// <summary>A table of index cases (name, kind, recall, budget; header case ignored) as records.</summary>
    [StepArgumentTransformation]
    public static IReadOnlyList<IndexCase> IndexCases(DataTable table) =>
        table.Rows.Select(r => new IndexCase(
            Cell(r, "name"),
            Enum.Parse<IndexKind>(Cell(r, "kind").Replace(" ", "", StringComparison.Ordinal), ignoreCase: true),
            Fraction(Cell(r, "recall")),
            Duration(Cell(r, "budget")))).ToList();

    internal static double Fraction(string text) =>
        (double)(decimal.Parse(text.TrimEnd('%', ' '), NumberStyles.Float, CultureInfo.InvariantCulture) / (text.EndsWith('%') ? 100m : 1m));

    static string Cell(DataTableRow row, string column) =>
        row[row.Keys.Single(k => string.Equals(k, column, StringComparison.OrdinalIgnoreCase))];

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s?(ms|s|min|h)$")]
    private static partial Regex DurationText();
}
