using FluentAssertions;
using Nvf.Core.Teacher;
using Xunit;

namespace Nvf.Core.Tests.Teacher;

public sealed class QueryLogAtomicWriteTests
{
    [Fact]
    public async Task A_reader_racing_a_writer_always_sees_a_whole_log_old_or_new()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("log.npz");
        // About 1 MB each, so that a write in place would be caught half done.
        var first = SampleLogs.Euclidean(queries: 30_000, seed: 1);
        var second = SampleLogs.Euclidean(queries: 20_000, seed: 2);
        first.Save(path);

        using var stop = new CancellationTokenSource();
        int writes = 0;
        var writer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                (writes % 2 == 0 ? second : first).Save(path);
                Interlocked.Increment(ref writes);
            }
        });
        var seen = new HashSet<int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Read until the file has been replaced a few times under the reader (at most 20 s).
        for (int read = 0; (read < 20 || Volatile.Read(ref writes) < 4) && clock.Elapsed < TimeSpan.FromSeconds(20); read++)
            seen.Add(QueryLog.Load(path).Count);
        stop.Cancel();
        await writer;
        int written = Volatile.Read(ref writes);

        written.Should().BeGreaterThan(1, "the writer must have replaced the file while the reader read it");
        seen.Should().BeSubsetOf([30_000, 20_000]);
        Directory.GetFiles(folder.Path).Should().Equal([path], "no temporary file is left behind");
    }

    [Fact]
    public void A_write_that_fails_leaves_no_temporary_file_and_says_why()
    {
        using var folder = new ScratchFolder();
        var target = folder.File("taken");
        Directory.CreateDirectory(target);

        var act = () => SampleLogs.Euclidean(queries: 10).Save(target);

        act.Should().Throw<IOException>();
        Directory.GetFiles(folder.Path).Should().BeEmpty("the temporary file is deleted when the final rename fails");
        Directory.Exists(target).Should().BeTrue();
    }

    [Fact]
    public void Saving_over_a_log_replaces_all_of_it()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("log.npz");
        SampleLogs.Euclidean(queries: 500, seed: 1).Save(path);
        var smaller = SampleLogs.Euclidean(queries: 7, seed: 2);

        smaller.Save(path);

        var read = QueryLog.Load(path);
        read.Count.Should().Be(7);
        read.Queries.Data.Should().Equal(smaller.Queries.Data);
    }
}
