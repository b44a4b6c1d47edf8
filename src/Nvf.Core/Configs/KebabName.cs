namespace Nvf.Core.Configs;

/// <summary>
/// The one way an enum member is named in features, configs, command-line options and errors: kebab case
/// ("pure-infonce", "two-tower", "inner-product"). Matching ignores case, '-', '_' and spaces, so "PureInfoNce",
/// "pure_infonce" and "pure-infonce" name the same member; a number never names one.
/// </summary>
public static class KebabName
{
    /// <summary>The member of <typeparamref name="T"/> named <paramref name="text"/>; throws an <see cref="ArgumentException"/> listing the accepted names.</summary>
    public static T Parse<T>(string text)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse<T>(text, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a {typeof(T).Name}; expected one of {Expected<T>()}", nameof(text));
    }

    /// <summary>True with the member of <typeparamref name="T"/> named <paramref name="text"/>, else false.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var key = Key(text ?? "");
        foreach (var member in Enum.GetValues<T>())
        {
            if (string.Equals(member.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The accepted names, in declaration order: "attention, mlp".</summary>
    public static string Expected<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Format(v)));

    /// <summary>The kebab spelling of <paramref name="value"/>: "pure-infonce", "v1-split", "two-tower", "attention".</summary>
    public static string Format<T>(T value)
        where T : struct, Enum =>
        // InfoNCE is one word in the seed: "pure-infonce", not "pure-info-nce".
        ConfigReader.Kebab(value.ToString()).Replace("info-nce", "infonce", StringComparison.Ordinal);

    private static string Key(string text) =>
        text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}
