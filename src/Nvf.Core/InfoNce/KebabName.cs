using Nvf.Core.Configs;

namespace Nvf.Core.InfoNce;

/// <summary>
/// Enum members by the kebab-case names features and configs use ("pure-infonce", "two-tower", "mlp").
/// Hyphens and case are ignored when matching, so "pure-infonce" names PureInfoNce as the seed spells it.
/// </summary>
public static class KebabName
{
    /// <summary>The member of <typeparamref name="T"/> spelled <paramref name="kebab"/>; throws naming the accepted spellings.</summary>
    public static T Parse<T>(string kebab)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(kebab);
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), kebab.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
                return value;
        }

        throw new ArgumentException(
            $"'{kebab}' is not a {typeof(T).Name}; expected one of {string.Join(", ", Enum.GetValues<T>().Select(v => Format(v)))}", nameof(kebab));
    }

    /// <summary>The feature spelling of <paramref name="value"/>: "pure-infonce", "v1-split", "two-tower", "attention".</summary>
    public static string Format<T>(T value)
        where T : struct, Enum =>
        // InfoNCE is one word in the seed: "pure-infonce", not "pure-info-nce".
        ConfigReader.Kebab(value.ToString()).Replace("info-nce", "infonce", StringComparison.Ordinal);
}
