using System.Diagnostics;
using System.Text.Json;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Faiss;

namespace Nvf.Faiss.Bench;

/// <summary>
/// One dataset of the table: N payload vectors (dimension 768, isotropic when topics = 0), 1,000
/// fresh queries from the same distribution, exact truth from a flat index, then an IVF-Flat
/// (inner product, sized by <see cref="IvfSizing"/>, 10 k-means iterations as in the oracle test)
/// searched at each nprobe; with a work folder, Python FAISS repeats the searches on the same index
/// file and, up to 100,000 vectors, builds its own index from the same training sample and data.
/// </summary>
internal sealed class IvfBenchmark(int count, int topics, int threads, string? pythonWork)
{
    private const int Dimension = 768;
    private const int QueryCount = 1000;
    private const int K = 10;
    private const int Repeats = 3;
    private const int KMeansIterations = 10;
    private const int PythonBuildLimit = 100_000;
    private const ulong Seed = 7;
    private static readonly int[] Nprobes = [1, 4, 16, 64, 256];

    public void Run(TextWriter output)
    {
        var kind = topics == 0 ? "isotropic" : $"clustered ({topics} topics, spread {TopicPayloadSpec.DefaultSpread})";
        output.WriteLine();
        output.WriteLine($"## {count:N0} x {Dimension}, {kind}");
        var clock = Stopwatch.StartNew();
        var spec = new TopicPayloadSpec(count, Dimension, topics, TopicPayloadSpec.DefaultSpread, TopicPayloadSpec.DefaultDuplicateShare, Seed);
        var payload = TopicPayloadGenerator.Generate(spec);
        var queries = TopicPayloadGenerator.GenerateQueries(payload, QueryCount, Seed + 1).Vectors.Data; // (1000, 768)
        var generated = clock.Elapsed;
        var profile = TopicPayloadGenerator.MeasureCosines(payload, 5000, Seed + 2);

        using var flat = FaissIndex.CreateFlat(Dimension, FaissMetric.InnerProduct);
        flat.Add(payload.Vectors.Data, Dimension);
        var (exactSeconds, exactCpu, truth) = TimeSearch(flat, queries, repeats: 1);

        var build = IvfFlatBuilder.Build(payload.Vectors, FaissMetric.InnerProduct, Seed + 3, KMeansIterations);
        using var ivf = build.Index;
        output.WriteLine($"generated in {generated.TotalSeconds:F1} s; cosine intra-topic {profile.IntraTopicMean:F3}, inter-topic {profile.InterTopicMean:F4}; " +
                         $"exact top-1 cosine {Mean(truth.Scores, K):F3}");
        output.WriteLine($"IVF{build.Sizing.ListCount},Flat trained on {build.Sizing.TrainingCount:N0} ({KMeansIterations} k-means iterations): train {build.TrainTime.TotalSeconds:F1} s + add {build.AddTime.TotalSeconds:F1} s " +
                         $"= build {(build.TrainTime + build.AddTime).TotalSeconds:F1} s");

        var rows = new List<BenchRow> { new("Flat (exact)", QueryCount / exactSeconds, 1, 1, exactCpu) };
        var ourIds = new List<long[]>();
        foreach (var nprobe in Nprobes)
        {
            ivf.Nprobe = nprobe;
            var (seconds, cpu, found) = TimeSearch(ivf, queries, Repeats);
            ourIds.Add(found.Ids);
            rows.Add(new BenchRow($"nprobe {nprobe}", QueryCount / seconds, RecallAt1(found, truth), RecallAt10(found, truth), cpu));
        }
        if (pythonWork is not null)
            rows = CompareWithPython(output, payload, queries, build, ivf, rows, ourIds);
        Print(output, rows);
    }

    /// <summary>Best wall seconds and best CPU ms per query over the repeats, and the result.</summary>
    private static (double Seconds, double CpuMsPerQuery, FaissSearchResult Result) TimeSearch(FaissIndex index, float[] queries, int repeats)
    {
        var (best, bestCpu) = (double.MaxValue, double.MaxValue);
        FaissSearchResult? result = null;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = index.Search(queries, Dimension, K);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds / QueryCount);
        }
        return (best, bestCpu, result!);
    }

    private List<BenchRow> CompareWithPython(
        TextWriter output, TopicPayload payload, float[] queries, IvfBuild build, FaissIndex ivf, List<BenchRow> rows, List<long[]> ourIds)
    {
        var dir = Directory.CreateDirectory(Path.Combine(pythonWork!, $"{count}-{topics}")).FullName;
        var (indexPath, queryPath, dataPath, trainPath) =
            (Path.Combine(dir, "ivf.faiss"), Path.Combine(dir, "queries.f32"), Path.Combine(dir, "data.f32"), Path.Combine(dir, "train.f32"));
        ivf.Nprobe = 1;
        ivf.Write(indexPath);
        RawFloats.Write<float>(queryPath, queries);
        var pythonBuilds = count <= PythonBuildLimit;
        if (pythonBuilds)
        {
            RawFloats.Write<float>(dataPath, payload.Vectors.Data);
            RawFloats.Write<float>(trainPath, IvfFlatBuilder.TrainingSample(payload.Vectors, build.Sizing.TrainingCount, Seed + 3));
        }
        var request = JsonSerializer.Serialize(new
        {
            threads, dimension = Dimension, k = K, repeats = Repeats, nprobes = Nprobes, nlist = build.Sizing.ListCount,
            kmeans_iterations = KMeansIterations, index = indexPath, queries = queryPath,
            data = pythonBuilds ? dataPath : null, train = pythonBuilds ? trainPath : null,
        });
        var reply = JsonDocument.Parse(RunPython(request)).RootElement;
        var searches = reply.GetProperty("search").EnumerateArray().ToArray();
        var merged = new List<BenchRow> { rows[0] };
        for (var i = 0; i < Nprobes.Length; i++)
        {
            var ids = searches[i].GetProperty("ids").EnumerateArray().Select(e => e.GetInt64());
            merged.Add(rows[i + 1] with
            {
                PythonQueriesPerSecond = searches[i].GetProperty("qps").GetDouble(),
                PythonCpuMsPerQuery = searches[i].GetProperty("cpu_ms_per_query").GetDouble(),
                SameIdsAsPython = ids.SequenceEqual(ourIds[i]),
            });
        }
        output.WriteLine($"Python FAISS {reply.GetProperty("version").GetString()} (threads {reply.GetProperty("threads").GetInt32()}) searched the same index file.");
        if (pythonBuilds)
        {
            var (train, add) = (reply.GetProperty("train_seconds").GetDouble(), reply.GetProperty("add_seconds").GetDouble());
            output.WriteLine($"Python FAISS built its own from the same training sample and data: train {train:F1} s + add {add:F1} s = build {train + add:F1} s");
        }
        Directory.Delete(dir, recursive: true);
        return merged;
    }

    private static string RunPython(string request)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        // Same OpenMP wait policy on both sides, or the comparison would measure libgomp, not the binding.
        var policy = FaissRuntime.OpenMpWaitPolicy;
        if (!policy.StartsWith("GOMP_SPINCOUNT=", StringComparison.Ordinal))
            start.Environment["OMP_WAIT_POLICY"] = policy;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "python_side_by_side.py"));
        start.ArgumentList.Add(request);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python_side_by_side.py exited with {process.ExitCode}");
        return stdout;
    }

    private static double RecallAt1(FaissSearchResult found, FaissSearchResult truth) =>
        Enumerable.Range(0, found.QueryCount).Count(q => found.IdsOf(q)[0] == truth.IdsOf(q)[0]) / (double)found.QueryCount;

    private static double RecallAt10(FaissSearchResult found, FaissSearchResult truth) =>
        Enumerable.Range(0, found.QueryCount).Sum(q => truth.IdsOf(q).ToArray().Intersect(found.IdsOf(q).ToArray()).Count() / (double)K) / found.QueryCount;

    private static double Mean(float[] scores, int stride) =>
        Enumerable.Range(0, scores.Length / stride).Average(q => scores[q * stride]);

    private static void Print(TextWriter output, List<BenchRow> rows)
    {
        output.WriteLine();
        output.WriteLine($"load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine();
        output.WriteLine("| search | R@1 | R@10 | QPS C# | QPS Python | CPU ms/query C# | CPU ms/query Python | same ids as Python |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            var pyQps = double.IsNaN(r.PythonQueriesPerSecond) ? "" : $"{r.PythonQueriesPerSecond:N0}";
            var pyCpu = double.IsNaN(r.PythonCpuMsPerQuery) ? "" : $"{r.PythonCpuMsPerQuery:F3}";
            var same = r.SameIdsAsPython switch { null => "", true => "yes", false => "NO" };
            output.WriteLine($"| {r.Label} | {r.RecallAt1:F3} | {r.RecallAt10:F3} | {r.QueriesPerSecond:N0} | {pyQps} | {r.CpuMsPerQuery:F3} | {pyCpu} | {same} |");
        }
        output.Flush();
    }
}
