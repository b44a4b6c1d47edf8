using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Data.NumPy;

public sealed class NpyWriterTests
{
    [Fact]
    public void Header_is_padded_so_data_starts_on_a_64_byte_boundary()
    {
        using var temp = new TempFolder();
        NpyWriter.Write(temp.File("a.npy"), new float[6], 2, 3);
        var header = NpyReader.ReadHeader(temp.File("a.npy"));
        (header.DataOffset % 64).Should().Be(0);
        new FileInfo(temp.File("a.npy")).Length.Should().Be(header.DataOffset + 24);
    }

    [Fact]
    public void Failed_write_keeps_the_old_file_and_leaves_no_temporary()
    {
        using var temp = new TempFolder();
        var path = temp.File("payload.npy");
        NpyWriter.Write(path, new VectorSet([1f, 2f], 1, 2));
        var act = () => NpyWriter.Write(path, new float[5], 2, 3);
        act.Should().Throw<ArgumentException>().WithMessage("shape (2, 3) needs 6 elements; data holds 5*");
        NpyReader.Read<float>(path).Data.Should().Equal(1f, 2f);
        Directory.GetFiles(temp.Path).Should().ContainSingle();
    }

    [Fact]
    public void Uncommitted_npz_leaves_nothing_behind()
    {
        using var temp = new TempFolder();
        using (var npz = new NpzWriter(temp.File("eval.npz")))
            npz.Add("targets", new float[4], 2, 2);
        Directory.GetFiles(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Duplicate_npz_member_is_refused()
    {
        using var temp = new TempFolder();
        using var npz = new NpzWriter(temp.File("eval.npz"));
        npz.Add("targets", new float[4], 2, 2);
        var act = () => npz.Add("targets", new float[4], 2, 2);
        act.Should().Throw<ArgumentException>().WithMessage("*array 'targets' was already added*");
    }

    [Fact]
    public void Reading_a_large_c_order_array_allocates_one_copy()
    {
        // 50,000 x 768 float32 = 154 MB: the read may allocate the result plus small buffers only.
        using var temp = new TempFolder();
        const int rows = 50_000, dim = 768;
        var data = new float[rows * dim];
        for (var i = 0; i < data.Length; i++)
            data[i] = i % 977;
        NpyWriter.Write(temp.File("payload.npy"), new VectorSet(data, rows, dim));
        data = null;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = NpyReader.ReadVectorSet(temp.File("payload.npy"), 768);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        read.Count.Should().Be(rows);
        read.Data[12345].Should().Be(12345 % 977);
        allocated.Should().BeLessThan((long)rows * dim * 4 + (4L << 20), "the result array is the only full-size copy");
    }

    [Fact]
    public void Reading_a_large_converted_array_allocates_one_copy_plus_a_chunk()
    {
        using var temp = new TempFolder();
        const int rows = 20_000, dim = 768;
        var data = new double[rows * dim];
        NpyWriter.Write(temp.File("payload.npy"), data, rows, dim);
        var before = GC.GetAllocatedBytesForCurrentThread();
        NpyReader.ReadAsFloat32(temp.File("payload.npy"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Result (float32) plus one 1 M-element chunk of float64 bytes and its float32 decode.
        allocated.Should().BeLessThan((long)rows * dim * 4 + (16L << 20));
    }
}
