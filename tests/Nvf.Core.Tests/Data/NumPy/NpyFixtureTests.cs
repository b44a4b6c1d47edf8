using FluentAssertions;
using Nvf.Core.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Data.NumPy;

/// <summary>Reads the committed files written by fixtures/numpy/make_fixtures.py (NumPy 1.24).</summary>
public sealed class NpyFixtureTests
{
    private static string Fixture(string name) => RepositoryRoot.Fixture("numpy", name);

    // The fixture script's value rules over the C-order flat index i.
    private static double FloatValue(long i) => 0.5 * i - 1;
    private static long IntValue(long i) => 1000 * i - 7;

    [Fact]
    public void Float32_c_order_little_endian_reads_in_place()
    {
        var array = NpyReader.Read<float>(Fixture("f4_c_le.npy"));
        array.Shape.Should().Equal(3, 4);
        array.Name.Should().Be("f4_c_le");
        array.Data.Select((v, i) => (double)v - FloatValue(i)).Should().OnlyContain(d => d == 0);
    }

    [Fact]
    public void Float64_fortran_big_endian_comes_back_in_c_order()
    {
        var array = NpyReader.Read<double>(Fixture("f8_fortran_be.npy"));
        var header = NpyReader.ReadHeader(Fixture("f8_fortran_be.npy"));
        header.IsFortranOrder.Should().BeTrue();
        header.IsLittleEndian.Should().BeFalse();
        array.Shape.Should().Equal(3, 4);
        array.Data.Select((v, i) => v - FloatValue(i)).Should().OnlyContain(d => d == 0);
    }

    [Fact]
    public void Three_dimensional_fortran_big_endian_float32_is_reordered()
    {
        var array = NpyReader.Read<float>(Fixture("f4_3d_fortran_be.npy"));
        array.Shape.Should().Equal(2, 3, 4);
        array.Data.Select((v, i) => (double)v - FloatValue(i)).Should().OnlyContain(d => d == 0);
    }

    [Fact]
    public void Float64_is_narrowed_only_when_asked()
    {
        var act = () => NpyReader.Read<float>(Fixture("f8_fortran_be.npy"));
        act.Should().Throw<NpyFormatException>()
            .WithMessage("*f8_fortran_be.npy: array 'f8_fortran_be' has dtype float64; expected float32 (save it with .astype(numpy.float32))");
        var narrowed = NpyReader.ReadAsFloat32(Fixture("f8_fortran_be.npy"));
        narrowed.Data.Select((v, i) => (double)v - FloatValue(i)).Should().OnlyContain(d => d == 0);
    }

    [Fact]
    public void Int32_big_endian_version_2_reads_and_widens()
    {
        NpyReader.ReadHeader(Fixture("i4_be_v2.npy")).Version.Should().Be((2, 0));
        NpyReader.Read<int>(Fixture("i4_be_v2.npy")).Data.Should().Equal(Enumerable.Range(0, 5).Select(i => (int)IntValue(i)));
        NpyReader.ReadAsInt64(Fixture("i4_be_v2.npy")).Data.Should().Equal(Enumerable.Range(0, 5).Select(i => IntValue(i)));
    }

    [Fact]
    public void Int64_version_3_reads()
    {
        NpyReader.ReadHeader(Fixture("i8_v3.npy")).Version.Should().Be((3, 0));
        var array = NpyReader.Read<long>(Fixture("i8_v3.npy"), ShapePattern.Parse("(2, 3)"));
        array.Data.Should().Equal(Enumerable.Range(0, 6).Select(i => IntValue(i)));
    }

    [Fact]
    public void Pickled_object_array_is_refused_with_the_reason()
    {
        var act = () => NpyReader.Read<float>(Fixture("object_pickled.npy"));
        act.Should().Throw<NpyFormatException>()
            .WithMessage("*object_pickled.npy: array 'object_pickled' holds Python objects (dtype '|O')*pickle*refused*");
    }

    [Fact]
    public void Unsupported_dtype_names_it_and_the_supported_ones()
    {
        var act = () => NpyReader.Read<float>(Fixture("u1_unsupported.npy"));
        act.Should().Throw<NpyFormatException>().WithMessage("*u1_unsupported.npy: array 'u1_unsupported' has dtype '|u1'; supported are float16 (f2), float32*");
    }

    [Fact]
    public void Float16_big_endian_is_widened_to_float32_exactly()
    {
        // Embeddings are often stored at half precision; NumPy's float16 -> float32 is exact, so the values are the fixture's.
        var array = NpyReader.ReadAsFloat32(Fixture("f2_be.npy"), ShapePattern.Parse("(3, 4)"));
        array.Data.Should().Equal(Enumerable.Range(0, 12).Select(i => (float)FloatValue(i)));
        NpyReader.ReadVectorSet(Fixture("f2_be.npy"), 4).Row(2).ToArray().Should().Equal(3f, 3.5f, 4f, 4.5f);
        var exact = () => NpyReader.Read<float>(Fixture("f2_be.npy"));
        exact.Should().Throw<NpyFormatException>().WithMessage("*has dtype float16; expected float32*", "an exact read names the dtype it found");
    }

    [Fact]
    public void Truncated_file_says_how_much_is_missing()
    {
        var act = () => NpyReader.Read<float>(Fixture("truncated.npy"));
        act.Should().Throw<NpyFormatException>()
            .WithMessage("*truncated.npy: array 'truncated' is truncated: shape (3, 4) of float32 needs 48 bytes after the header but only 12 are there");
    }

    [Fact]
    public void Shape_mismatch_names_file_array_actual_and_expected()
    {
        var act = () => NpyReader.Read<float>(Fixture("f4_c_le.npy"), ShapePattern.Parse("(N, 768)"));
        act.Should().Throw<NpyFormatException>().WithMessage("*f4_c_le.npy: array 'f4_c_le' has shape (3, 4); expected (N, 768)");
    }

    [Fact]
    public void Stored_npz_reads_every_member()
    {
        using var npz = new NpzReader(Fixture("eval_small.npz"));
        npz.ArrayNames.Should().Equal("contexts", "targets", "truth_keys");
        npz.Read<float>("contexts").Shape.Should().Equal(4, 5, 8);
        npz.Read<long>("truth_keys").Data.Should().Equal(Enumerable.Range(0, 8).Select(i => 1000L * i));
    }

    [Fact]
    public void Compressed_npz_converts_on_request()
    {
        using var npz = new NpzReader(Fixture("eval_small_compressed.npz"));
        npz.ReadAsFloat32("targets").Data.Select((v, i) => (double)v - FloatValue(i)).Should().OnlyContain(d => d == 0);
        npz.ReadAsInt64("truth_keys").Data.Should().Equal(Enumerable.Range(0, 8).Select(i => 1000L * i));
    }

    [Fact]
    public void Npz_errors_name_the_archive_and_the_array()
    {
        using var npz = new NpzReader(Fixture("eval_small.npz"));
        var shape = () => npz.Read<float>("targets", ShapePattern.Parse("(N, 768)"));
        shape.Should().Throw<NpyFormatException>().WithMessage("*eval_small.npz: array 'targets' has shape (4, 8); expected (N, 768)");
        var missing = () => npz.Read<float>("payload");
        missing.Should().Throw<NpyFormatException>().WithMessage("*eval_small.npz: no array 'payload' in the archive; it holds contexts, targets, truth_keys");
    }

    [Fact]
    public void Truncated_npz_is_named_as_unreadable()
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(Fixture("eval_small.npz"));
        File.WriteAllBytes(temp.File("cut.npz"), bytes[..(bytes.Length / 2)]);
        var act = () => new NpzReader(temp.File("cut.npz"));
        act.Should().Throw<NpyFormatException>().WithMessage("*cut.npz: not a readable .npz (zip) archive, maybe truncated*");
    }

    [Fact]
    public void Shared_bindings_catch_arrays_that_disagree_on_n()
    {
        var bindings = new Dictionary<string, (int, string)>();
        ShapePattern.Parse("(N, 5, 768)").Check([5244, 5, 768], "eval.npz", "contexts", bindings);
        var act = () => ShapePattern.Parse("(N, 768)").Check([5243, 768], "eval.npz", "targets", bindings);
        act.Should().Throw<NpyFormatException>()
            .WithMessage("eval.npz: array 'targets' has shape (5243, 768); expected (N, 768) with N = 5244 (from 'contexts')");
    }
}
