using Nvf.Core.Configs;

namespace Nvf.Core.InfoNce;

/// <summary>Enum members by the kebab-case names features and configs use ("pure-infonce", "two-tower", "mlp").</summary>
public static class KebabName
{
    /// <summary>The member of <typeparamref name="T"/> spelled <paramref name="kebab"/>; throws naming the accepted spellings.</summary>
    public static T Parse<T>(string kebab)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(kebab);
        foreach (var value in Enum.GetValues<T>())
        {
            if (ConfigReader.Kebab(value.ToString()) == kebab)
                return value;
        }

        throw new ArgumentException(
            $"'{kebab}' is not a {typeof(T).Name}; expected one of {string.Join(", ", Enum.GetValues<T>().Select(v => ConfigReader.Kebab(v.ToString())))}", nameof(kebab));
    }
}
