using System.Buffers.Binary;
using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Data.NumPy;

/// <summary>Round trips with Debian's python3-numpy, in both directions, generated into a temp folder.</summary>
public sealed class NpyInteropTests
{
    // NumPy writes one array in every supported dtype x order x byte order (versions cycling 1, 2, 3),
    // plus the reference values as raw little-endian float64 bytes that C# decodes independently.
    private const string WriteVariants = """
        import sys, itertools, numpy as np
        out = sys.argv[1]
        rng = np.random.default_rng(7)
        ref = rng.integers(-1000, 1000, size=(7, 5, 3)).astype('<f8')
        ref.tofile(out + '/reference.bin')
        versions = itertools.cycle([(1, 0), (2, 0), (3, 0)])
        for code in ['f4', 'f8', 'i4', 'i8']:
            for order in ['C', 'F']:
                for endian in ['<', '>']:
                    a = np.array(ref.astype(endian + code), order=order)
                    with open(f'{out}/{code}_{order}_{endian == "<" and "le" or "be"}.npy', 'wb') as f:
                        np.lib.format.write_array(f, a, version=next(versions))
        np.savez(out + '/stored.npz', a=ref.astype('<f4'), keys=ref.astype('>i8'))
        np.savez_compressed(out + '/deflated.npz', a=np.asfortranarray(ref.astype('>f8')), keys=ref.astype('<i4'))
        """;

    // NumPy checks what C# wrote against the value rule 0.25 * i - 3 over the flat index.
    private const string CheckCSharpFiles = """
        import sys, numpy as np
        out = sys.argv[1]
        def expect(a, dtype, shape):
            n = int(np.prod(shape))
            want = (0.25 * np.arange(n) - 3).reshape(shape)
            if np.issubdtype(np.dtype(dtype), np.integer):
                want = np.arange(n).reshape(shape) * 4 - 3
            assert a.dtype == np.dtype(dtype), (a.dtype, dtype)
            assert a.shape == shape, (a.shape, shape)
            assert np.array_equal(a, want.astype(dtype)), 'values differ'
        expect(np.load(out + '/f4.npy'), '<f4', (6, 4))
        expect(np.load(out + '/f8.npy'), '<f8', (24,))
        expect(np.load(out + '/i4.npy'), '<i4', (2, 3, 4))
        expect(np.load(out + '/i8.npy'), '<i8', (4, 6))
        for name in ['stored', 'deflated']:
            with np.load(out + f'/{name}.npz', allow_pickle=False) as z:
                assert sorted(z.files) == ['keys', 'vectors'], z.files
                expect(z['vectors'], '<f4', (6, 4))
                expect(z['keys'], '<i8', (12, 2))
        print('ok')
        """;

    [Fact]
    public void Reads_every_variant_numpy_writes()
    {
        using var temp = new TempFolder();
        NumPyProcess.Run(WriteVariants, temp.Path);
        var raw = File.ReadAllBytes(temp.File("reference.bin"));
        var reference = Enumerable.Range(0, raw.Length / 8)
            .Select(i => BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(i * 8))).ToArray();

        var files = Directory.GetFiles(temp.Path, "*.npy");
        files.Should().HaveCount(16);
        foreach (var file in files)
        {
            var floats = Path.GetFileName(file)[0] == 'f';
            var values = floats
                ? NpyReader.ReadAsFloat32(file, ShapePattern.Parse("(7, 5, 3)")).Data.Select(v => (double)v)
                : NpyReader.ReadAsInt64(file, ShapePattern.Parse("(7, 5, 3)")).Data.Select(v => (double)v);
            values.Should().Equal(reference, because: $"{Path.GetFileName(file)} holds NumPy's reference array");
        }

        using (var stored = new NpzReader(temp.File("stored.npz")))
        {
            stored.Read<float>("a").Data.Select(v => (double)v).Should().Equal(reference);
            stored.Read<long>("keys").Data.Select(v => (double)v).Should().Equal(reference);
        }
        using var deflated = new NpzReader(temp.File("deflated.npz"));
        deflated.Read<double>("a").Data.Should().Equal(reference);
        deflated.ReadAsInt64("keys").Data.Select(v => (double)v).Should().Equal(reference);
    }

    [Fact]
    public void Tall_fortran_matrix_is_transposed_in_column_blocks()
    {
        // 300,001 rows: the reader buffers 16 columns at a time, so 37 columns take 3 blocks,
        // the last one partial. The C-order copy is the reference (read by the direct path).
        using var temp = new TempFolder();
        NumPyProcess.Run("""
            import sys, numpy as np
            a = np.random.default_rng(3).standard_normal((300001, 37)).astype('<f4')
            np.save(sys.argv[1] + '/c.npy', a)
            np.save(sys.argv[1] + '/f.npy', np.asfortranarray(a.astype('>f8')))
            """, temp.Path);
        var reference = NpyReader.Read<float>(temp.File("c.npy"));
        var fortran = NpyReader.ReadAsFloat32(temp.File("f.npy"));
        fortran.Shape.Should().Equal(300001, 37);
        fortran.Data.AsSpan().SequenceEqual(reference.Data).Should().BeTrue("every element lands in its C-order place");
    }

    [Fact]
    public void Numpy_reads_what_csharp_writes()
    {
        using var temp = new TempFolder();
        var floats = Enumerable.Range(0, 24).Select(i => 0.25 * i - 3).ToArray();
        var ints = Enumerable.Range(0, 24).Select(i => 4 * i - 3).ToArray();
        NpyWriter.Write(temp.File("f4.npy"), new VectorSet(floats.Select(v => (float)v).ToArray(), 6, 4));
        NpyWriter.Write(temp.File("f8.npy"), floats, 24);
        NpyWriter.Write(temp.File("i4.npy"), ints, 2, 3, 4);
        NpyWriter.Write(temp.File("i8.npy"), ints.Select(v => (long)v).ToArray(), 4, 6);
        foreach (var (name, compress) in new[] { ("stored", false), ("deflated", true) })
        {
            using var npz = new NpzWriter(temp.File(name + ".npz"), compress);
            npz.Add("vectors", floats.Select(v => (float)v).ToArray(), 6, 4)
                .Add("keys", ints.Select(v => (long)v).ToArray(), 12, 2);
            npz.Commit();
        }

        NumPyProcess.Run(CheckCSharpFiles, temp.Path).Trim().Should().Be("ok");
        Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("writers rename their temporary files");
    }
}
