using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;

namespace Nvf.Core.Pipeline;

/// <summary>
/// A researcher's NVF Phase 2 pipeline and the data it is judged on: their database (N, D), labelled queries (Q, D)
/// with the database row each should find (Q), their soft attention model and their reranker. Named by
/// NVF_DATABASE, NVF_QUERIES, NVF_LABELS, NVF_ATTENTION_MODEL and NVF_RERANKER_MODEL (or `nvf evaluate-pipeline`).
/// </summary>
public sealed class ResearcherPipeline
{
    /// <summary>The database .npy float (N, D).</summary>
    public const string DatabaseVariable = "NVF_DATABASE";

    /// <summary>The queries .npy float (Q, D).</summary>
    public const string QueriesVariable = "NVF_QUERIES";

    /// <summary>The labels .npy int32/int64 (Q): the database row each query should find.</summary>
    public const string LabelsVariable = "NVF_LABELS";

    /// <summary>Every variable, in the order a message lists them.</summary>
    public static readonly IReadOnlyList<string> Variables = [DatabaseVariable, QueriesVariable, LabelsVariable, AttentionModelFile.Variable, RerankerModelFile.Variable];

    private ResearcherPipeline(NvfDatabase database, QuerySet queries, string attention, string reranker)
    {
        Database = database;
        Queries = queries;
        AttentionPath = attention;
        RerankerPath = reranker;
    }

    /// <summary>The database the models search.</summary>
    public NvfDatabase Database { get; }

    /// <summary>The labelled queries.</summary>
    public QuerySet Queries { get; }

    /// <summary>The soft attention model file.</summary>
    public string AttentionPath { get; }

    /// <summary>The reranker file.</summary>
    public string RerankerPath { get; }

    /// <summary>
    /// The pipeline the variables name, or null when none is set; throws <see cref="ArtifactException"/> when only some
    /// are set, a file is missing, or the files do not fit together (every message names the variable and the file).
    /// </summary>
    /// <param name="variable">Reads a variable (the process environment by default).</param>
    public static ResearcherPipeline? FromEnvironment(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        var values = Variables.ToDictionary(v => v, v => variable(v) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? Path.GetFullPath(value) : null);
        if (values.Values.All(v => v is null))
            return null;
        var missing = Variables.Where(v => values[v] is null).ToList();
        if (missing.Count > 0)
            throw new ArtifactException($"{string.Join(", ", missing)} not set; a researcher's pipeline needs all of {string.Join(", ", Variables)}");
        foreach (var (name, path) in values)
        {
            if (path is not null && !File.Exists(path))
                throw new ArtifactException($"{name}: {path} does not exist");
        }

        return Load(values[DatabaseVariable]!, values[QueriesVariable]!, values[LabelsVariable]!, values[AttentionModelFile.Variable]!, values[RerankerModelFile.Variable]!);
    }

    /// <summary>
    /// Checks the files fit together without reading the vectors (their headers, and the labels, which are small): what
    /// a command checks before a long run. Throws <see cref="ArtifactException"/> as <see cref="Load"/> does.
    /// </summary>
    public static void Check(string database, string queries, string labels)
    {
        var db = Read(() => NpyReader.ReadHeader(database), DatabaseVariable, "the database, float (N, D)");
        var q = Read(() => NpyReader.ReadHeader(queries), QueriesVariable, "the queries, float (Q, D)");
        foreach (var (header, variable, path, what) in new[] { (db, DatabaseVariable, database, "the database, float (N, D)"), (q, QueriesVariable, queries, "the queries, float (Q, D)") })
        {
            if (header.Shape.Length != 2 || header.DataType is not (NpyDataType.Float16 or NpyDataType.Float32 or NpyDataType.Float64))
                throw new ArtifactException($"{variable}: {path} holds {header.DataType.NumPyName()} {header.ShapeText}; expected {what}");
        }

        if (q.Shape[1] != db.Shape[1])
            throw new ArtifactException($"{QueriesVariable}: {queries} has width {q.Shape[1]}; expected {db.Shape[1]}, the width of the database {database}");
        var l = Read(() => NpyReader.ReadAsInt64(labels, ShapePattern.Parse("(Q,)")), LabelsVariable, "the labels, int (Q), one database row per query");
        if (l.Data.Length != q.Shape[0])
            throw new ArtifactException($"{LabelsVariable}: {labels} has {l.Data.Length} labels; expected {q.Shape[0]}, one per query of {queries}");
        var outside = Array.FindIndex(l.Data, x => x < 0 || x >= db.Shape[0]);
        if (outside >= 0)
            throw new ArtifactException($"{LabelsVariable}: {labels} row {outside} is {l.Data[outside]}; expected a database row in [0, {db.Shape[0]})");
    }

    /// <summary>Reads and cross-checks the files; throws <see cref="ArtifactException"/> naming the file and what was expected.</summary>
    public static ResearcherPipeline Load(string database, string queries, string labels, string attention, string reranker)
    {
        Check(database, queries, labels);
        var db = Read(() => NvfDatabase.FromFile(database), DatabaseVariable, "the database, float (N, D)");
        var q = Read(() => NpyReader.ReadVectorSet(queries, db.Dimension), QueriesVariable, "the queries, float (Q, D)");
        var l = Read(() => NpyReader.ReadAsInt64(labels, ShapePattern.Parse("(Q,)")), LabelsVariable, "the labels, int (Q), one database row per query");
        var set = new QuerySet(q, [.. l.Data.Select(x => (int)x)], $"the researcher's queries ({Path.GetFileName(queries)}, labels {Path.GetFileName(labels)})");
        return new ResearcherPipeline(db, set, attention, reranker);
    }

    private static T Read<T>(Func<T> read, string variable, string expected)
    {
        try
        {
            return read();
        }
        catch (NpyFormatException e)
        {
            throw new ArtifactException($"{variable}: {e.Message} (expected {expected})", e);
        }
    }
}
