using Nvf.Core.Metrics;

namespace Nvf.Core.Teacher;

/// <summary>One query-log file the teacher wrote, and how far its store labels agree with the generator's.</summary>
/// <param name="Purpose">What the queries are for: "soft attention training", "reranker training" or "held-out evaluation".</param>
/// <param name="Path">The file.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Queries">Queries logged.</param>
/// <param name="K">Results logged per query.</param>
/// <param name="LabelAgreement">Share of queries whose store top-1 equals the generator's exact nearest neighbour (Wilson 95%).</param>
public sealed record TeacherLogFile(string Purpose, string Path, long Bytes, int Queries, int K, ProportionEstimate LabelAgreement);
