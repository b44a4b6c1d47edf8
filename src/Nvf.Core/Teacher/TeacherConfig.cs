using Nvf.Core.Configs;
using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>
/// How to run the teacher flow (fixtures/configs/teacher-*.json): the store's metric, how many
/// results to log per query, how many queries go into one search call, and how many held-out
/// queries NVF's agreement with the store is measured on. The two NVF stages trained from the
/// logs have their own run configs (their training-query counts and seeds say which queries are logged).
/// </summary>
/// <param name="Name">The config's file name.</param>
/// <param name="Metric">The store's metric (cosine for the seed's unit-vector corpus).</param>
/// <param name="LogK">Results logged per query; at least the reranker's candidate count.</param>
/// <param name="SearchBatch">Queries per store search call (bounds one request to Qdrant).</param>
/// <param name="EvaluationQueries">Held-out queries on which NVF's agreement with the store is measured.</param>
public sealed record TeacherConfig(string Name, VectorMetric Metric, int LogK, int SearchBatch, int EvaluationQueries)
{
    /// <summary>Loads and checks a config file; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static TeacherConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var config = new TeacherConfig(
            r.File,
            r.Enum<VectorMetric>("metric"),
            r.Int("logK", 1, 10_000),
            r.Int("searchBatch", 1, 1_000_000),
            r.Int("evaluationQueries", 1, 10_000_000));
        r.RejectUnknownFields();
        return config;
    }
}
