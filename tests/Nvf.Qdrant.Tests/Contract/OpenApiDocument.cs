using System.Globalization;
using System.Text.Json.Nodes;

namespace Nvf.Qdrant.Tests.Contract;

/// <summary>
/// One of Qdrant's published OpenAPI 3.0 documents, used as a closed contract: a request or response is checked
/// against the operation's parameters and schemas, and an object property the schema does not declare is an error
/// (Qdrant's serde types deny nothing by default, but a misspelt field is silently ignored there, which is worse).
/// Covers the parts of JSON Schema those documents use: $ref, allOf, anyOf, oneOf, type, nullable, enum,
/// properties, required, additionalProperties, items, minimum, maximum and the integer formats.
/// </summary>
public sealed class OpenApiDocument
{
    readonly JsonObject root;
    readonly JsonObject schemas;

    OpenApiDocument(string path)
    {
        Path = path;
        root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        schemas = root["components"]!["schemas"]!.AsObject();
        Version = root["info"]!["version"]!.GetValue<string>();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>info.version, e.g. "v1.19.0" or "master".</summary>
    public string Version { get; }

    /// <summary>Where the shared copies live, from the repository root: ../shared/qdrant.</summary>
    public static string Folder => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryFiles.Root, "..", "shared", "qdrant"));

    /// <summary>Loads openapi-v<paramref name="version"/>.json from <see cref="Folder"/>, or null when it is absent.</summary>
    public static OpenApiDocument? Load(string version)
    {
        var path = System.IO.Path.Combine(Folder, $"openapi-v{version}.json");
        return File.Exists(path) ? new OpenApiDocument(path) : null;
    }

    /// <summary>Every violation of a request: path and method known, each query parameter declared and valid, the body valid.</summary>
    /// <param name="method">GET, PUT, POST, DELETE.</param>
    /// <param name="pathAndQuery">As sent, relative to the base: "collections/a/points?wait=true".</param>
    /// <param name="body">The JSON body, or null.</param>
    public IReadOnlyList<string> CheckRequest(string method, string pathAndQuery, JsonNode? body)
    {
        var errors = new List<string>();
        var (operation, query) = Find(method, pathAndQuery, errors);
        if (operation is null)
            return errors;
        var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).Where(p => p["in"]!.GetValue<string>() == "query")
            .ToDictionary(p => p["name"]!.GetValue<string>(), p => p["schema"]!);
        foreach (var (name, value) in query)
        {
            if (!parameters.TryGetValue(name, out var schema))
                errors.Add($"query parameter '{name}' is not declared (declared: {string.Join(", ", parameters.Keys.DefaultIfEmpty("none"))})");
            else
                Check(QueryValue(value, schema), schema, $"?{name}", errors);
        }

        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (bodySchema is null && body is not null)
            errors.Add("the operation takes no body");
        else if (bodySchema is not null && body is null && operation["requestBody"]?["required"]?.GetValue<bool>() == true)
            errors.Add("the operation requires a body");
        else if (bodySchema is not null && body is not null)
            Check(body, bodySchema, "body", errors);
        return errors;
    }

    /// <summary>Every violation of a response: its status declared for the operation (or covered by 4XX/default), its content type and body.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="pathAndQuery">The request's path.</param>
    /// <param name="status">The HTTP status answered.</param>
    /// <param name="contentType">The media type answered, e.g. "application/json".</param>
    /// <param name="body">The body text.</param>
    public IReadOnlyList<string> CheckResponse(string method, string pathAndQuery, int status, string? contentType, string body)
    {
        var errors = new List<string>();
        var (operation, _) = Find(method, pathAndQuery, errors);
        if (operation is null)
            return errors;
        var responses = operation["responses"]!.AsObject();
        var code = status.ToString(CultureInfo.InvariantCulture);
        var response = responses[code] ?? responses[$"{code[0]}XX"] ?? responses["default"];
        if (response is null)
        {
            errors.Add($"status {status} is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})");
            return errors;
        }

        var content = response["content"]?.AsObject();
        if (content is null)
            return errors;
        var media = content.FirstOrDefault(c => c.Key == contentType);
        if (media.Value is null)
        {
            errors.Add($"content type '{contentType}' is not declared for status {status} (declared: {string.Join(", ", content.Select(c => c.Key))})");
            return errors;
        }

        var schema = media.Value["schema"];
        if (schema is null)
            return errors;
        JsonNode? parsed;
        if (contentType == "application/json")
        {
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (System.Text.Json.JsonException e)
            {
                errors.Add($"the body is not JSON ({e.Message})");
                return errors;
            }
        }
        else
        {
            parsed = JsonValue.Create(body);
        }

        Check(parsed, schema, "response", errors);
        return errors;
    }

    (JsonObject? Operation, List<(string Name, string Value)> Query) Find(string method, string pathAndQuery, List<string> errors)
    {
        var split = pathAndQuery.Split('?', 2);
        var segments = split[0].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = split.Length < 2 ? [] : split[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))).ToList();
        // The most literal template wins: /points/query over /points/{id}.
        var match = root["paths"]!.AsObject()
            .Select(p => (Template: p.Key, Item: p.Value!, Parts: p.Key.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Parts.Length == segments.Length && p.Parts.Zip(segments).All(z => z.First.StartsWith('{') || z.First == z.Second))
            .OrderByDescending(p => p.Parts.Count(x => !x.StartsWith('{')))
            .FirstOrDefault();
        if (match.Template is not null)
        {
            var operation = match.Item[method.ToLowerInvariant()]?.AsObject();
            if (operation is null)
                errors.Add($"{method} is not an operation of {match.Template}");
            return (operation, query);
        }

        errors.Add($"no path of the API matches /{split[0].Trim('/')}");
        return (null, query);
    }

    static JsonNode? QueryValue(string value, JsonNode schema)
    {
        // Query strings carry text: read it as the number or boolean the schema may want; the check decides.
        if (bool.TryParse(value, out var b))
            return JsonValue.Create(b);
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        _ = schema;
        return JsonValue.Create(value);
    }

    JsonObject Resolve(JsonNode schema)
    {
        var s = schema.AsObject();
        while (s["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            s = schemas[name]?.AsObject() ?? throw new InvalidOperationException($"{Path}: $ref {reference} not found");
        }

        return s;
    }

    /// <summary>Checks <paramref name="value"/> against <paramref name="schema"/>, adding each violation with its JSON path.</summary>
    public void Check(JsonNode? value, JsonNode schema, string at, List<string> errors)
    {
        var s = Resolve(schema);
        if (value is null)
        {
            if (s["nullable"]?.GetValue<bool>() != true && (s.ContainsKey("type") || s.ContainsKey("$ref") || s.ContainsKey("enum")))
                errors.Add($"{at}: null where the schema does not allow it");
            else if (s["anyOf"] is JsonArray nullableAny && !s.ContainsKey("type") && !nullableAny.Any(o => Accepts(null, o!)))
                errors.Add($"{at}: null matches no alternative");
            return;
        }

        if (s["nullable"]?.GetValue<bool>() == true && !s.Any(p => p.Key is not ("nullable" or "description" or "default" or "example")))
        {
            errors.Add($"{at}: expected null, got {Kind(value)}");
            return;
        }

        if (s["allOf"] is JsonArray all)
        {
            // allOf of closed objects: one object with every part's properties and requirements.
            var merged = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject(), ["required"] = new JsonArray() };
            foreach (var part in all.Select(p => Resolve(p!)))
            {
                if (part["properties"] is JsonObject properties)
                {
                    foreach (var (k, v) in properties)
                        merged["properties"]!.AsObject()[k] = v?.DeepClone();
                }

                foreach (var r in part["required"]?.AsArray() ?? [])
                    merged["required"]!.AsArray().Add(r!.DeepClone());
                if (part["properties"] is null)
                    Check(value, part, at, errors);
            }

            if (merged["properties"]!.AsObject().Count > 0)
                Check(value, merged, at, errors);
            return;
        }

        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (s[key] is JsonArray options)
            {
                var passing = options.Count(o => Accepts(value, o!));
                if (passing == 0)
                {
                    // Name the closest alternative's problems: the one with the fewest.
                    var best = options.Select(o => { var e = new List<string>(); Check(value, o!, at, e); return e; }).OrderBy(e => e.Count).First();
                    errors.Add($"{at}: matches none of {key} ({string.Join("; ", best)})");
                }

                return;
            }
        }

        if (s["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            errors.Add($"{at}: {value.ToJsonString()} is not one of {values.ToJsonString()}");

        switch (s["type"]?.GetValue<string>())
        {
            case "object":
                CheckObject(value, s, at, errors);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{at}: expected an array, got {Kind(value)}");
                    break;
                }

                if (s["items"] is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                        Check(array[i], items, $"{at}[{i}]", errors);
                }

                break;
            case "string":
                if (Kind(value) != "string")
                    errors.Add($"{at}: expected a string, got {Kind(value)}");
                break;
            case "boolean":
                if (Kind(value) != "boolean")
                    errors.Add($"{at}: expected a boolean, got {Kind(value)}");
                break;
            case "integer":
            case "number":
                CheckNumber(value, s, at, errors);
                break;
        }
    }

    bool Accepts(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Check(value, schema, "", errors);
        return errors.Count == 0;
    }

    void CheckObject(JsonNode value, JsonObject s, string at, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{at}: expected an object, got {Kind(value)}");
            return;
        }

        var properties = s["properties"]?.AsObject();
        foreach (var required in s["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (!obj.ContainsKey(name))
                errors.Add($"{at}: required property '{name}' is missing");
        }

        foreach (var (name, child) in obj)
        {
            if (properties?[name] is { } property)
            {
                Check(child, property, $"{at}.{name}", errors);
            }
            else if (s["additionalProperties"] is JsonObject additional)
            {
                Check(child, additional, $"{at}.{name}", errors);
            }
            else if (s["additionalProperties"] is JsonValue open && open.GetValue<bool>())
            {
                // Declared open: anything goes.
            }
            else if (properties is not null)
            {
                errors.Add($"{at}: property '{name}' is not in the schema (known: {string.Join(", ", properties.Select(p => p.Key))})");
            }
        }
    }

    static void CheckNumber(JsonNode value, JsonObject s, string at, List<string> errors)
    {
        if (Kind(value) != "number")
        {
            errors.Add($"{at}: expected a number, got {Kind(value)}");
            return;
        }

        var number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        if (s["type"]!.GetValue<string>() == "integer" && number != Math.Floor(number))
            errors.Add($"{at}: expected an integer, got {number}");
        var format = s["format"]?.GetValue<string>() ?? "";
        if (format.StartsWith("uint", StringComparison.Ordinal) && number < 0)
            errors.Add($"{at}: {number} is negative for format {format}");
        if (s["minimum"] is { } min && number < double.Parse(min.ToJsonString(), CultureInfo.InvariantCulture))
            errors.Add($"{at}: {number} is below the minimum {min}");
        if (s["maximum"] is { } max && number > double.Parse(max.ToJsonString(), CultureInfo.InvariantCulture))
            errors.Add($"{at}: {number} is above the maximum {max}");
    }

    static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            var other => other.ToString(),
        },
        _ => "unknown",
    };
}
