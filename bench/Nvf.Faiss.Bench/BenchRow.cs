namespace Nvf.Faiss.Bench;

/// <summary>One line of the table: one index configuration searched with every query.</summary>
/// <param name="Label">What was searched, e.g. "IVF3072,Flat nprobe 64" or "Flat (exact)".</param>
/// <param name="QueriesPerSecond">Queries per second over the whole batch (best of the repeats).</param>
/// <param name="RecallAt1">Share of queries whose exact nearest neighbour came back first.</param>
/// <param name="RecallAt10">Mean share of the exact top 10 found in the returned top 10 (10-recall@10).</param>
/// <param name="CpuMsPerQuery">Process CPU time per query in ms (all threads; steadier than QPS on a shared machine).</param>
/// <param name="PythonQueriesPerSecond">The same search from Python FAISS on the same index file, or NaN.</param>
/// <param name="PythonCpuMsPerQuery">Python's process CPU time per query in ms, or NaN.</param>
/// <param name="SameIdsAsPython">True when Python returned exactly the ids we did; null when not compared.</param>
internal sealed record BenchRow(
    string Label, double QueriesPerSecond, double RecallAt1, double RecallAt10, double CpuMsPerQuery,
    double PythonQueriesPerSecond = double.NaN, double PythonCpuMsPerQuery = double.NaN, bool? SameIdsAsPython = null);
