using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nvf.Gherkin.Tests.Schema;

/// <summary>
/// Validates JSON against the draft-07 keywords the cucumber-json schema uses: $ref (local definitions),
/// type, properties, required, additionalProperties, items, enum, const, pattern, minimum, if/then.
/// Any other keyword is refused, so a schema edit cannot silently weaken the check.
/// </summary>
public sealed class JsonSchemaValidator(JsonElement root)
{
    static readonly HashSet<string> Known =
    [
        "$schema", "$comment", "$ref", "definitions", "type", "properties", "required", "additionalProperties",
        "items", "enum", "const", "pattern", "minimum", "if", "then",
    ];

    /// <summary>Returns every violation as "path: problem"; empty when the document is valid.</summary>
    public List<string> Validate(JsonElement document)
    {
        var errors = new List<string>();
        Check(root, document, "$", errors);
        return errors;
    }

    void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name).Where(k => !Known.Contains(k)))
        {
            throw new NotSupportedException($"schema keyword '{keyword}' at {path} is not supported by this validator");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            errors.Add($"{path}: expected {type.GetString()}, got {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value} is not one of {options}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant}, got {value}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            errors.Add($"{path}: \"{value.GetString()}\" does not match {pattern.GetString()}");
        }

        if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < minimum.GetDouble())
        {
            errors.Add($"{path}: {value} is below the minimum {minimum}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, errors);
        }

        if (schema.TryGetProperty("items", out var items) && value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", errors);
            }
        }

        if (schema.TryGetProperty("if", out var condition) && schema.TryGetProperty("then", out var consequence))
        {
            var probe = new List<string>();
            Check(condition, value, path, probe);
            if (probe.Count == 0)
            {
                Check(consequence, value, path, errors);
            }
        }
    }

    void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{path}: missing required property '{name}'");
            }
        }

        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, $"{path}.{property.Name}", errors);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: property '{property.Name}' is not allowed");
            }
        }
    }

    JsonElement Resolve(string reference)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local '#/definitions/x' references are supported; got '{reference}'");
        }

        return root.GetProperty("definitions").GetProperty(reference[prefix.Length..]);
    }

    static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"unknown JSON type '{type}'"),
    };
}
