using System.Diagnostics;
using Nvf.Core.Data;
using Nvf.Faiss;
using Nvf.Faiss.Bench;

// The classic IVF table (issue 3): build time, then QPS and R@1 / R@10 against exact search for
// nprobe 1..256, on isotropic and clustered payloads, side by side with Python FAISS.
// Usage: Nvf.Faiss.Bench [sizes, default 100000,584000] [--no-python] [--generate-only]
var sizes = args.FirstOrDefault(a => !a.StartsWith("--")) is { } s
    ? s.Split(',').Select(int.Parse).ToArray()
    : [100_000, 584_000];
var python = !args.Contains("--no-python");
const int threads = 2;
FaissRuntime.ThreadCount = threads;
Console.WriteLine($"FAISS {FaissRuntime.Version} via Nvf.Faiss; OpenMP threads = {FaissRuntime.ThreadCount}, wait policy {FaissRuntime.OpenMpWaitPolicy}; " +
                  $"{Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");

if (args.Contains("--generate-only"))
{
    foreach (var n in sizes)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var payload = TopicPayloadGenerator.Generate(TopicPayloadSpec.SeedScale(1) with { Count = n });
        Console.WriteLine($"generate {n} x 768: {clock.Elapsed.TotalSeconds:F2} s wall, " +
                          $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU; {payload.DuplicateCount} duplicates");
    }
    return;
}

var work = Directory.CreateTempSubdirectory("nvf-faiss-bench-").FullName;
try
{
    foreach (var n in sizes)
    {
        foreach (var topics in new[] { TopicPayloadSpec.DefaultTopics, 0 })
            new IvfBenchmark(n, topics, threads, python ? work : null).Run(Console.Out);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}
