using System.IO.Compression;
using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Nvf.Core.Tests.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Teacher;

public sealed class QueryLogFileTests
{
    [Fact]
    public void A_log_reads_back_bit_for_bit_with_its_metric_k_and_source()
    {
        using var folder = new ScratchFolder();
        var log = SampleLogs.Euclidean(queries: 30);
        var path = folder.File("log.npz");

        log.Save(path);
        var read = QueryLog.Load(path);

        read.Queries.Data.Should().Equal(log.Queries.Data);
        (read.Count, read.Dimension, read.K, read.Metric).Should().Be((30, 8, 4, VectorMetric.Euclidean));
        read.Ids.Should().Equal(log.Ids);
        read.Scores.Select(BitConverter.SingleToInt32Bits).Should().Equal(log.Scores.Select(BitConverter.SingleToInt32Bits), "scores, NaN included, keep their exact bits");
        read.IdsOf(29).ToArray().Should().Equal(log.IdsOf(29).ToArray()).And.EndWith([-1L, -1L]);
        read.Source.Should().BeEquivalentTo(log.Source);
    }

    [Fact]
    public void NumPy_opens_the_log_as_an_npz_and_finds_the_documented_header()
    {
        using var folder = new ScratchFolder();
        var log = SampleLogs.Euclidean(queries: 5);
        var path = folder.File("log.npz");
        log.Save(path);

        var output = NumPyProcess.Run("""
            import json, sys, zipfile, numpy as np
            f = np.load(sys.argv[1])
            header = json.loads(zipfile.ZipFile(sys.argv[1]).read("header.json"))
            print(header["format"], header["version"], header["metric"], header["k"], f["queries"].dtype, f["queries"].shape, f["ids"].dtype, f["ids"].shape, f["scores"].dtype, int(np.isnan(f["scores"]).sum()), int(f["ids"][4, 3]))
            """, path);

        output.Trim().Should().Be("nvf-query-log 1 euclidean 4 float32 (5, 8) int64 (5, 4) float32 2 -1");
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_the_archive()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("cut.npz");
        SampleLogs.Euclidean(queries: 30).Save(path);
        using (var stream = new FileStream(path, FileMode.Open))
            stream.SetLength(stream.Length / 2);

        var error = Assert.Throws<QueryLogFormatException>(() => QueryLog.Load(path));

        (error.Path, error.Field).Should().Be((path, "archive"));
        error.Message.Should().Contain(path).And.Contain("truncated");
    }

    [Theory]
    [InlineData("\"k\": 4", "\"k\": 5", "ids", "shape")]
    [InlineData("\"count\": 30", "\"count\": 31", "queries", "shape")]
    [InlineData("\"version\": 1", "\"version\": 2", "version", "knows version 1 only")]
    [InlineData("\"metric\": \"euclidean\"", "\"metric\": \"manhattan\"", "metric", "expected one of cosine, inner-product, euclidean")]
    [InlineData("\"format\": \"nvf-query-log\"", "\"format\": \"something-else\"", "format", "expected 'nvf-query-log'")]
    [InlineData("\"exact\": true", "\"exact\": \"yes\"", "source.exact", "boolean")]
    [InlineData("{", "[", "header.json", "not valid JSON")]
    public void A_damaged_header_names_the_file_and_the_field(string original, string damaged, string field, string expected)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("log.npz");
        SampleLogs.Euclidean(queries: 30).Save(path);
        ReplaceMember(path, QueryLogFile.HeaderMember, bytes => System.Text.Encoding.UTF8.GetBytes(ReplaceOnce(System.Text.Encoding.UTF8.GetString(bytes), original, damaged)));

        var error = Assert.Throws<QueryLogFormatException>(() => QueryLog.Load(path));

        (error.Path, error.Field).Should().Be((path, field));
        error.Message.Should().Contain(path).And.Contain(expected);
    }

    [Fact]
    public void A_missing_array_is_named()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("log.npz");
        SampleLogs.Euclidean(queries: 3).Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            zip.GetEntry("scores.npy")!.Delete();

        var error = Assert.Throws<QueryLogFormatException>(() => QueryLog.Load(path));

        error.Field.Should().Be("scores");
        error.Message.Should().Contain("missing");
    }

    [Fact]
    public void Content_that_no_store_writes_is_refused_on_reading_with_the_query_and_rank()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("log.npz");
        var log = SampleLogs.Euclidean(queries: 3);
        log.Save(path);
        // Rank 1 of query 0 gets a smaller distance than rank 0: not best first.
        var scores = (float[])log.Scores.Clone();
        scores[1] = scores[0] - 0.25f;
        ReplaceMember(path, "scores.npy", _ =>
        {
            using var buffer = new MemoryStream();
            global::Nvf.Core.Data.NumPy.NpyWriter.Write<float>(buffer, scores, [3, 4]);
            return buffer.ToArray();
        });

        var error = Assert.Throws<QueryLogFormatException>(() => QueryLog.Load(path));

        error.Field.Should().Be("scores");
        error.Message.Should().Contain("at query 0, rank 1").And.Contain("best first");
    }

    [Theory]
    [InlineData(new long[] { 3, -1, 4 }, new float[] { 0.9f, float.NaN, 0.5f }, "after a missing result")]
    [InlineData(new long[] { 3, 3, 4 }, new float[] { 0.9f, 0.8f, 0.5f }, "repeats id 3")]
    [InlineData(new long[] { 3, 2, -1 }, new float[] { 0.9f, 0.8f, 0.1f }, "expected NaN")]
    [InlineData(new long[] { 3, 2, 1 }, new float[] { 0.9f, float.PositiveInfinity, 0.5f }, "expected a finite score")]
    [InlineData(new long[] { -2, 2, 1 }, new float[] { 0.9f, 0.8f, 0.5f }, "expected an id >= 0")]
    public void A_log_made_in_memory_obeys_the_same_rules(long[] ids, float[] scores, string expected)
    {
        var act = () => new QueryLog(new VectorSet(new float[2], 1, 2), ids, scores, 3, VectorMetric.Cosine, SampleLogs.Source);

        act.Should().Throw<ArgumentException>().WithMessage($"*{expected}*");
    }

    private static string ReplaceOnce(string text, string original, string damaged)
    {
        int at = text.IndexOf(original, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the header should contain {original}: {text}");
        return text[..at] + damaged + text[(at + original.Length)..];
    }

    private static void ReplaceMember(string path, string member, Func<byte[], byte[]> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(member)!;
        byte[] bytes;
        using (var stream = entry.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        entry.Delete();
        using var replaced = zip.CreateEntry(member, CompressionLevel.NoCompression).Open();
        replaced.Write(change(bytes));
    }
}
