using System.Runtime.InteropServices;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

/// <summary>.faiss files: round trip, both directions with Python FAISS 1.7.3, and bad files named.</summary>
public sealed class FaissFileTests : IDisposable
{
    private const int D = 24;
    private readonly string _dir = Directory.CreateTempSubdirectory("nvf-faiss-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_index_written_here_reads_back_with_the_same_answers()
    {
        var data = TestVectors.Unit(600, D, 1);
        var path = Path.Combine(_dir, "ivf.faiss");
        using var ivf = FaissIndex.CreateIvfFlat(D, 8, FaissMetric.InnerProduct);
        ivf.Train(data, D);
        ivf.Add(data, D);
        ivf.Nprobe = 3;
        ivf.Write(path);

        using var read = FaissIndex.Read(path);

        read.Count.Should().Be(600);
        read.ListCount.Should().Be(8);
        read.Metric.Should().Be(FaissMetric.InnerProduct);
        read.Nprobe.Should().Be(3, "nprobe is part of the file");
        read.Search(data, D, 4).Ids.Should().Equal(ivf.Search(data, D, 4).Ids);
    }

    [Fact]
    public void Python_faiss_reads_our_index_and_finds_what_we_find()
    {
        var data = TestVectors.Unit(800, D, 2);
        var queries = TestVectors.Unit(25, D, 3);
        var indexPath = Path.Combine(_dir, "from-csharp.faiss");
        var queryPath = Path.Combine(_dir, "queries.f32");
        using var ivf = FaissIndex.CreateIvfFlat(D, 10, FaissMetric.L2);
        ivf.Train(data, D);
        ivf.Add(data, D);
        ivf.Nprobe = 4;
        ivf.Write(indexPath);
        File.WriteAllBytes(queryPath, MemoryMarshal.AsBytes(queries.AsSpan()).ToArray());
        var ours = ivf.Search(queries, D, 5);

        var json = DebianPython.Run(
            """
            import sys, json, faiss, numpy as np
            index = faiss.read_index(sys.argv[1])
            q = np.fromfile(sys.argv[2], dtype='<f4').reshape(-1, index.d)
            D, I = index.search(q, 5)
            print(json.dumps({"ntotal": index.ntotal, "nlist": index.nlist, "nprobe": index.nprobe, "ids": I.ravel().tolist(), "scores": D.ravel().tolist()}))
            """, indexPath, queryPath);

        var python = JsonDocument.Parse(json).RootElement;
        python.GetProperty("ntotal").GetInt64().Should().Be(800);
        python.GetProperty("nlist").GetInt32().Should().Be(10);
        python.GetProperty("nprobe").GetInt32().Should().Be(4);
        python.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()).Should().Equal(ours.Ids);
        python.GetProperty("scores").EnumerateArray().Select(e => e.GetSingle()).Should().Equal(ours.Scores);
    }

    [Fact]
    public void We_read_an_index_python_faiss_wrote_and_find_what_python_found()
    {
        var indexPath = Path.Combine(_dir, "from-python.faiss");
        var queryPath = Path.Combine(_dir, "py-queries.f32");
        var json = DebianPython.Run(
            """
            import sys, json, faiss, numpy as np
            rng = np.random.default_rng(7)
            x = rng.standard_normal((1000, 24)).astype('float32'); x /= np.linalg.norm(x, axis=1, keepdims=True)
            ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(24), 24, 12, faiss.METRIC_INNER_PRODUCT)
            ivf.train(x); ivf.add_with_ids(x, np.arange(1000, dtype='int64') * 3 + 5); ivf.nprobe = 5
            faiss.write_index(ivf, sys.argv[1])
            q = x[:40] + 0.1 * rng.standard_normal((40, 24)).astype('float32')
            q.astype('<f4').tofile(sys.argv[2])
            D, I = ivf.search(q, 7)
            print(json.dumps({"ids": I.ravel().tolist(), "scores": D.ravel().tolist()}))
            """, indexPath, queryPath);
        var python = JsonDocument.Parse(json).RootElement;
        var queries = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(queryPath)).ToArray();

        using var index = FaissIndex.Read(indexPath);
        // FAISS's own search order gives Python's answer bit for bit; the list-major order (the default for batches of
        // 32 queries or more over an IVF-Flat inner-product index) the same ids with scores equal to float rounding.
        var ours = index.Search(queries, D, 7, FaissSearchOrder.QueryMajor);
        var listMajor = index.Search(queries, D, 7);

        index.Count.Should().Be(1000);
        index.Nprobe.Should().Be(5);
        ours.Ids.Should().Equal(python.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()));
        ours.Ids.Should().OnlyContain(id => id % 3 == 2, "Python's ids (3i + 5) came through the file");
        ours.Scores.Should().Equal(python.GetProperty("scores").EnumerateArray().Select(e => e.GetSingle()));
        listMajor.Ids.Should().Equal(ours.Ids);
        listMajor.Scores.Zip(ours.Scores).Should().OnlyContain(p => Math.Abs(p.First - p.Second) <= 1e-5f);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_dir, "nowhere.faiss");

        FluentActions.Invoking(() => FaissIndex.Read(path))
            .Should().Throw<FileNotFoundException>().WithMessage($"*{path}*");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void A_corrupt_file_is_named_with_faiss_reason(string corruption)
    {
        var path = Path.Combine(_dir, $"{corruption}.faiss");
        if (corruption == "garbage")
        {
            File.WriteAllText(path, "this is not a FAISS index, just text that happens to be long enough");
        }
        else
        {
            using var ivf = FaissIndex.CreateIvfFlat(D, 4, FaissMetric.L2);
            var data = TestVectors.Unit(300, D, 4);
            ivf.Train(data, D);
            ivf.Add(data, D);
            ivf.Write(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }

        FluentActions.Invoking(() => FaissIndex.Read(path))
            .Should().Throw<FaissException>().WithMessage($"reading the FAISS index file {path}*failed: *");
    }

    [Fact]
    public void Writing_where_no_directory_exists_names_the_path()
    {
        using var flat = FaissIndex.CreateFlat(D, FaissMetric.L2);
        var path = Path.Combine(_dir, "no", "such", "dir", "x.faiss");

        FluentActions.Invoking(() => flat.Write(path)).Should().Throw<FaissException>().WithMessage($"*{path}*");
    }
}
