using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nvf.Core.History;

/// <summary>The JSON shape of run records and baselines: indented camelCase, enums by name, comments allowed when read.</summary>
public static class HistoryJson
{
    /// <summary>The serializer options both stores use.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Files for people to read and diff: "feature › scenario" stays as written, not \u203A.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

}
