using System.Globalization;
using System.Text.RegularExpressions;

namespace Nvf.Gherkin.Bindings;

/// <summary>
/// Reads durations as people write them in features: "250ms", "1.5 s", "90 sec", "3 min", "2h", "1 d",
/// or a TimeSpan literal "00:01:30".
/// </summary>
public static partial class DurationParser
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The duration text.</param>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Unit().Match(text.Trim());
        if (match.Success)
        {
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" or "sec" => TimeSpan.FromSeconds(value),
                "min" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            };
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        throw new FormatException($"'{text}' is not a duration; expected e.g. \"250ms\", \"1.5 s\", \"3 min\", \"2h\", \"1 d\" or \"00:01:30\".");
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s?(ms|s|sec|min|h|d)$")]
    private static partial Regex Unit();
}
