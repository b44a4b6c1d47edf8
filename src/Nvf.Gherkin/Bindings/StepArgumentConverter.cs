using System.Globalization;
using System.Text.RegularExpressions;

namespace Nvf.Gherkin.Bindings;

/// <summary>
/// Converts step text to a parameter's type. Numbers use the invariant culture. A number written with
/// '%' converts to its fraction when the target is floating point ("90%" → 0.9), so a criterion reads as
/// the research log writes it and compares with a metric in [0, 1]. Durations go through
/// <see cref="DurationParser"/>; enums ignore case, spaces, '-' and '_' ("two tower" → TwoTower).
/// </summary>
public static partial class StepArgumentConverter
{
    /// <summary>Converts <paramref name="text"/> to <paramref name="target"/>.</summary>
    /// <param name="text">The captured text (quotes already removed for {string}).</param>
    /// <param name="target">The parameter type.</param>
    /// <exception cref="FormatException">The text cannot be read as the target type; the message names both.</exception>
    public static object? Convert(string text, Type target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        var underlying = Nullable.GetUnderlyingType(target);
        if (underlying is not null)
        {
            return text.Length == 0 ? null : Convert(text, underlying);
        }

        try
        {
            return ConvertCore(text.Trim(), target) ?? text;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new FormatException($"cannot convert \"{text}\" to {target.Name}: {e.Message}", e);
        }
    }

    static object? ConvertCore(string text, Type target)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (target == typeof(string) || target == typeof(object))
        {
            return null;
        }

        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
        {
            var percent = text.EndsWith('%');
            var number = decimal.Parse(percent ? text[..^1].TrimEnd() : text, NumberStyles.Float, invariant);
            if (percent)
            {
                number /= 100m;
            }

            return target == typeof(decimal) ? number : target == typeof(float) ? (object)(float)number : (double)number;
        }

        if (target == typeof(int) || target == typeof(long) || target == typeof(short) || target == typeof(byte))
        {
            return System.Convert.ChangeType(long.Parse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, invariant), target, invariant);
        }

        if (target == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => throw new FormatException("expected true/false, yes/no or on/off"),
            };
        }

        if (target == typeof(TimeSpan))
        {
            return DurationParser.Parse(text);
        }

        if (target.IsEnum)
        {
            var key = Separators().Replace(text, "");
            return Enum.GetNames(target).FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(target, name)
                : throw new FormatException($"expected one of {string.Join(", ", Enum.GetNames(target))}");
        }

        var parse = target.GetMethod("Parse", [typeof(string), typeof(IFormatProvider)]);
        if (parse is not null && parse.IsStatic && parse.ReturnType == target)
        {
            return parse.Invoke(null, [text, invariant]);
        }

        throw new FormatException($"no conversion to {target.FullName}; expected a number, bool, enum, TimeSpan, string, or a type with static Parse(string, IFormatProvider)");
    }

    [GeneratedRegex(@"[\s\-_]")]
    private static partial Regex Separators();
}
