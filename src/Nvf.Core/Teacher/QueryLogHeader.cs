using System.IO.Compression;
using System.Text.Json;
using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>The parsed header.json of a query-log file (see <see cref="QueryLogFile"/>).</summary>
internal sealed record QueryLogHeader(int Count, int Dimension, int K, VectorMetric Metric, QueryLogSource Source)
{
    public static QueryLogHeader Read(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(QueryLogFile.HeaderMember)
            ?? throw new QueryLogFormatException(path, QueryLogFile.HeaderMember, $"is missing from the archive; expected a {QueryLogFile.FormatName} header");
        JsonElement root;
        try
        {
            using var stream = entry.Open();
            using var document = JsonDocument.Parse(stream);
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or EndOfStreamException)
        {
            throw new QueryLogFormatException(path, QueryLogFile.HeaderMember, $"is not valid JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
            throw new QueryLogFormatException(path, QueryLogFile.HeaderMember, $"is a JSON {root.ValueKind}; expected an object");
        var format = Text(root, "format", path);
        if (format != QueryLogFile.FormatName)
            throw new QueryLogFormatException(path, "format", $"is '{format}'; expected '{QueryLogFile.FormatName}'");
        int version = Int(root, "version", path, 1);
        if (version != QueryLogFile.Version)
            throw new QueryLogFormatException(path, "version", $"is {version}; this reader knows version {QueryLogFile.Version} only");
        var metricName = Text(root, "metric", path);
        var metric = Enum.GetValues<VectorMetric>().Where(m => QueryLogFile.MetricName(m) == metricName).Cast<VectorMetric?>().FirstOrDefault()
            ?? throw new QueryLogFormatException(path, "metric", $"is '{metricName}'; expected one of {string.Join(", ", Enum.GetValues<VectorMetric>().Select(QueryLogFile.MetricName))}");
        return new QueryLogHeader(Int(root, "count", path, 0), Int(root, "dimension", path, 1), Int(root, "k", path, 1), metric, ReadSource(root, path));
    }

    private static QueryLogSource ReadSource(JsonElement root, string path)
    {
        var source = Field(root, "source", path, JsonValueKind.Object);
        var exact = Field(source, "exact", path, JsonValueKind.True, JsonValueKind.False, "source.");
        var settings = Field(source, "settings", path, JsonValueKind.Object, prefix: "source.")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
        return new QueryLogSource(Text(source, "store", path, "source."), exact.GetBoolean(), Text(source, "corpus", path, "source."), Text(source, "queries", path, "source."), settings);
    }

    private static string Text(JsonElement element, string name, string path, string prefix = "") =>
        Field(element, name, path, JsonValueKind.String, prefix: prefix).GetString()!;

    private static int Int(JsonElement element, string name, string path, int min)
    {
        var value = Field(element, name, path, JsonValueKind.Number);
        return value.TryGetInt32(out int number) && number >= min
            ? number
            : throw new QueryLogFormatException(path, name, $"is {value.GetRawText()}; expected an integer >= {min}");
    }

    private static JsonElement Field(JsonElement element, string name, string path, JsonValueKind kind, JsonValueKind? alternative = null, string prefix = "")
    {
        if (!element.TryGetProperty(name, out var value))
            throw new QueryLogFormatException(path, prefix + name, $"is missing from {QueryLogFile.HeaderMember}; expected a JSON {kind}");
        if (value.ValueKind != kind && value.ValueKind != alternative)
            throw new QueryLogFormatException(path, prefix + name, $"is {value.GetRawText()}; expected a JSON {(alternative is null ? kind.ToString() : "boolean")}");
        return value;
    }
}
