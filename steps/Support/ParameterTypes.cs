using System.Globalization;
using Reqnroll;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The custom Cucumber-expression parameter types the features use, as Reqnroll step argument transformations.
/// </summary>
[Binding]
public sealed class ParameterTypes
{
    /// <summary>{percent}: "90%" or "92.5 %" as the fraction 0.9 or 0.925 (the seeds state rates in percent).</summary>
    /// <param name="text">The matched text, a number followed by '%'.</param>
    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?\s?%)", Name = "percent")]
    public static double Percent(string text) =>
        double.Parse(text.TrimEnd('%').TrimEnd(), NumberStyles.Float, CultureInfo.InvariantCulture) / 100.0;
}
