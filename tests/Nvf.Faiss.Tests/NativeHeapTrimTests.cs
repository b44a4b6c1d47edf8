using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

// Alone (a collection without parallelism): the process's resident memory is the measurement.
[Collection(nameof(NativeLeakCollection))]
public class NativeHeapTrimTests
{
    private const int D = 48;

    [Fact]
    public void Memory_a_disposed_index_freed_goes_back_to_the_system()
    {
        static long Rss() => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:"))[6..].Trim().Split(' ')[0]) * 1024;
        var data = TestVectors.Unit(200_000, D, 9); // 38 MB of vectors in 64 lists of ~600 KB
        void BuildAndDispose()
        {
            using var index = FaissIndex.CreateIvfFlat(D, 64, FaissMetric.InnerProduct);
            index.Train(data.AsSpan(0, 64 * 40 * D), D);
            index.Add(data, D);
        }

        // The first index's lists are mapped and unmapped one by one; freeing them raises malloc's mapping
        // threshold, so the next index's lists come from the heap, which keeps them when they are freed.
        BuildAndDispose();
        FaissRuntime.ReturnFreedMemory();
        var baseline = Rss();
        BuildAndDispose();
        var kept = Rss() - baseline;
        FaissRuntime.ReturnFreedMemory();
        var trimmed = Rss() - baseline;

        trimmed.Should().BeLessThan(10L << 20, $"the lists' 38 MB go back once trimmed (kept before trimming: {kept >> 20} MB)");
    }
}
