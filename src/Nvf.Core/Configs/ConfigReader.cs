using System.Globalization;
using System.Text.Json;

namespace Nvf.Core.Configs;

/// <summary>
/// Reads the fields of one commented JSON run config (fixtures/configs/*.json: // comments and
/// trailing commas allowed) and turns every problem into a <see cref="ConfigException"/> that names
/// the file, the field, what was found and what was expected. Unknown fields are errors too, so a
/// misspelt field never silently falls back to a default.
/// </summary>
public sealed class ConfigReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private ConfigReader(string file, JsonElement root)
    {
        File = file;
        foreach (var property in root.EnumerateObject())
        {
            fields[property.Name] = property.Value.Clone();
        }
    }

    /// <summary>The file name shown in messages.</summary>
    public string File { get; }

    /// <summary>Opens <paramref name="path"/>; throws when it is missing or not a JSON object.</summary>
    public static ConfigReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new ConfigException($"{name}: run config not found at {Path.GetFullPath(path)}; expected a commented JSON file in fixtures/configs/");
        }

        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path), Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"{name}: the top level is a JSON {document.RootElement.ValueKind}; expected an object of fields");
            }

            return new ConfigReader(name, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{name}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>Reads an integer field in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Int(string field, int min, int max = int.MaxValue)
    {
        var element = Required(field);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            throw Problem(field, $"is {element.GetRawText()}", "an integer");
        }

        return value >= min && value <= max ? value : throw Problem(field, $"is {value}", $"an integer in [{min}, {max}]");
    }

    /// <summary>Reads a non-negative integer field used as a seed.</summary>
    public ulong Seed(string field)
    {
        var element = Required(field);
        return element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value)
            ? value
            : throw Problem(field, $"is {element.GetRawText()}", "a non-negative integer seed");
    }

    /// <summary>Reads a number field in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Double(string field, double min, double max = double.MaxValue)
    {
        var element = Required(field);
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw Problem(field, $"is {element.GetRawText()}", "a number");
        }

        var value = element.GetDouble();
        return value >= min && value <= max
            ? value
            : throw Problem(field, $"is {value.ToString(CultureInfo.InvariantCulture)}", FormattableString.Invariant($"a number in [{min}, {max}]"));
    }

    /// <summary>Reads a string field naming a member of <typeparamref name="T"/> ("cross-entropy-on-logits" → CrossEntropyOnLogits).</summary>
    public T Enum<T>(string field)
        where T : struct, Enum
    {
        var element = Required(field);
        return element.ValueKind == JsonValueKind.String && KebabName.TryParse<T>(element.GetString(), out var value)
            ? value
            : throw Problem(field, $"is {element.GetRawText()}", "one of " + KebabName.Expected<T>());
    }

    /// <summary>Reads a non-empty string (e.g. a folder or a file pattern).</summary>
    public string String(string field)
    {
        var element = Required(field);
        return element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())
            ? element.GetString()!
            : throw Problem(field, $"is {element.GetRawText()}", "a non-empty string");
    }

    /// <summary>Reads a non-empty array of non-empty strings (e.g. folder names).</summary>
    public IReadOnlyList<string> Strings(string field)
    {
        var element = Required(field);
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0
            || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
            throw Problem(field, $"is {element.GetRawText()}", "a non-empty array of non-empty strings");
        return element.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    /// <summary>True when the file has <paramref name="field"/> (for optional fields; reading it still marks it read).</summary>
    /// <param name="field">The field's name.</param>
    public bool Has(string field)
    {
        read.Add(field);
        return fields.ContainsKey(field);
    }

    /// <summary>Reads true or false.</summary>
    /// <param name="field">The field's name.</param>
    public bool Bool(string field)
    {
        var element = Required(field);
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Problem(field, $"is {element.GetRawText()}", "true or false");
    }

    /// <summary>Throws when the file holds a field no reader asked for (a typo or a stale field).</summary>
    public void RejectUnknownFields()
    {
        var unknown = fields.Keys.Where(k => !read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigException($"{File}: unknown field(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; expected only {string.Join(", ", read.OrderBy(k => k, StringComparer.Ordinal))}");
        }
    }

    /// <summary>"CrossEntropyOnLogits" → "cross-entropy-on-logits", the spelling configs use.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private JsonElement Required(string field)
    {
        read.Add(field);
        return fields.TryGetValue(field, out var element)
            ? element
            : throw new ConfigException($"{File}: field '{field}' is missing; expected it to be set");
    }

    private ConfigException Problem(string field, string found, string expected) =>
        new($"{File}: field '{field}' {found}; expected {expected}");
}
