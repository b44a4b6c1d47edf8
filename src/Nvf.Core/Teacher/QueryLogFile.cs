using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Stores;
using Nvf.Files;

namespace Nvf.Core.Teacher;

/// <summary>
/// The query-log file, format "nvf-query-log" version 1: a zip archive that NumPy's
/// <c>np.load</c> opens like an .npz, with four members (stored, not compressed: float data
/// barely compresses):
/// <list type="bullet">
/// <item><c>header.json</c>: UTF-8 JSON object {"format": "nvf-query-log", "version": 1,
/// "metric": "cosine" | "inner-product" | "euclidean", "count": Q, "dimension": D, "k": K,
/// "source": {"store", "exact", "corpus", "queries", "settings"}}.</item>
/// <item><c>queries.npy</c>: float32 (Q, D), the queries as sent.</item>
/// <item><c>ids.npy</c>: int64 (Q, K), the store's ids best first, -1 = missing.</item>
/// <item><c>scores.npy</c>: float32 (Q, K), in the metric's unit (cosine similarity, inner
/// product, Euclidean distance never squared), NaN = missing.</item>
/// </list>
/// Writes go to a temporary file in the same folder, flushed to disk and renamed over the target:
/// a reader sees the old file or the whole new one, never a part. Reads check the header, the
/// shapes and dtypes against it, and the content rules of <see cref="QueryLog"/>; every problem
/// is a <see cref="QueryLogFormatException"/> naming the file and the field.
/// </summary>
public static class QueryLogFile
{
    /// <summary>The format name in the header.</summary>
    public const string FormatName = "nvf-query-log";

    /// <summary>The format version written, and the only one read.</summary>
    public const int Version = 1;

    /// <summary>Archive member names.</summary>
    public const string HeaderMember = "header.json", QueriesArray = "queries", IdsArray = "ids", ScoresArray = "scores";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="log"/> to <paramref name="path"/>, replacing any earlier file atomically.</summary>
    public static void Write(string path, QueryLog log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(log);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var header = zip.CreateEntry(HeaderMember, CompressionLevel.NoCompression).Open())
                JsonSerializer.Serialize(header, Header(log), Indented);
            Member(zip, QueriesArray, log.Queries.Data, log.Count, log.Dimension);
            Member(zip, IdsArray, log.Ids, log.Count, log.K);
            Member(zip, ScoresArray, log.Scores, log.Count, log.K);
        });
    }

    /// <summary>Reads the log at <paramref name="path"/>, checking everything the format promises.</summary>
    public static QueryLog Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new QueryLogFormatException(path, "archive", $"cannot be read: no file at {Path.GetFullPath(path)}; expected a query log written by QueryLogFile.Write");
        ZipArchive zip;
        var file = File.OpenRead(path);
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            throw new QueryLogFormatException(path, "archive", $"is not a readable zip archive (truncated or not a query log): {e.Message}", e);
        }

        using (zip)
        {
            var header = QueryLogHeader.Read(zip, path);
            var queries = Array<float>(zip, path, QueriesArray, header.Count, header.Dimension);
            var ids = Array<long>(zip, path, IdsArray, header.Count, header.K);
            var scores = Array<float>(zip, path, ScoresArray, header.Count, header.K);
            if (QueryLogContent.FirstProblem(ids, scores, header.Count, header.K, header.Metric) is { } problem)
                throw new QueryLogFormatException(path, problem.Field, problem.Problem);
            return new QueryLog(new VectorSet(queries, header.Count, header.Dimension), ids, scores, header.K, header.Metric, header.Source);
        }
    }

    /// <summary>The metric's name in the header.</summary>
    public static string MetricName(VectorMetric metric) => metric switch
    {
        VectorMetric.Cosine => "cosine",
        VectorMetric.InnerProduct => "inner-product",
        VectorMetric.Euclidean => "euclidean",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "expected Cosine, InnerProduct or Euclidean"),
    };

    private static JsonObject Header(QueryLog log)
    {
        var settings = new JsonObject();
        foreach (var (key, value) in log.Source.Settings.OrderBy(p => p.Key, StringComparer.Ordinal))
            settings[key] = value;
        return new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = Version,
            ["metric"] = MetricName(log.Metric),
            ["count"] = log.Count,
            ["dimension"] = log.Dimension,
            ["k"] = log.K,
            ["source"] = new JsonObject
            {
                ["store"] = log.Source.Store,
                ["exact"] = log.Source.Exact,
                ["corpus"] = log.Source.Corpus,
                ["queries"] = log.Source.Queries,
                ["settings"] = settings,
            },
        };
    }

    private static void Member<T>(ZipArchive zip, string name, T[] data, int rows, int columns) where T : unmanaged
    {
        using var member = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
        NpyWriter.Write<T>(member, data, [rows, columns]);
    }

    private static T[] Array<T>(ZipArchive zip, string path, string name, int rows, int columns) where T : unmanaged
    {
        var entry = zip.GetEntry(name + ".npy")
            ?? throw new QueryLogFormatException(path, name, $"is missing: no {name}.npy in the archive; expected {typeof(T).Name} ({rows}, {columns})");
        try
        {
            using var stream = entry.Open();
            return NpyReader.Read<T>(stream, path, name, ShapePattern.Parse($"({rows}, {columns})")).Data;
        }
        catch (NpyFormatException e)
        {
            throw new QueryLogFormatException(path, name, $"is unusable (header says count {rows}, width {columns}): {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new QueryLogFormatException(path, name, $"is damaged in the archive: {e.Message}", e);
        }
    }
}
