using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Data.NumPy;

/// <summary>A .npy payload read in place: rows, gathers and scans equal the array read whole; what cannot be read in place is said.</summary>
public sealed class NpyRowFileTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Rows_gathers_and_scans_of_a_float32_file_equal_the_array_read_whole()
    {
        var vectors = RandomUnitVectors.Generate(5_000, 24, seed: 3);
        NpyWriter.Write(folder.File("payload.npy"), vectors);

        var rows = NpyRowFile.Open(folder.File("payload.npy"), 24, out var readWhole);

        readWhole.Should().BeNull();
        rows.Should().BeOfType<NpyRowFile>();
        (rows.Count, rows.Dimension).Should().Be((5_000, 24));
        rows.Slice(4_990, 10).Data.Should().Equal(vectors.Data.AsSpan(4_990 * 24, 240).ToArray());
        rows.Gather([4_999, 0, 17]).Data.Should().Equal([.. vectors.Row(4_999), .. vectors.Row(0), .. vectors.Row(17)]);
        var scanned = new List<float>();
        var starts = new List<int>();
        rows.Scan((start, n, block) => { starts.Add(start); scanned.AddRange(block.ToArray()); }, blockRows: 2_048);
        starts.Should().Equal(0, 2_048, 4_096);
        scanned.Should().Equal(vectors.Data);
    }

    [Fact]
    public void A_float64_file_is_read_whole_and_the_reason_is_given()
    {
        var values = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        NpyWriter.Write(folder.File("payload.npy"), values, 10, 4);

        var rows = NpyRowFile.Open(folder.File("payload.npy"), null, out var readWhole);

        readWhole.Should().Be("float64 is narrowed to float32");
        rows.Should().BeOfType<VectorSet>().Which.Data.Should().Equal(values.Select(v => (float)v));
    }

    [Fact]
    public void A_truncated_file_is_refused_naming_the_file_and_what_it_needs()
    {
        NpyWriter.Write(folder.File("payload.npy"), RandomUnitVectors.Generate(100, 8, seed: 1));
        using (var stream = File.OpenWrite(folder.File("payload.npy")))
            stream.SetLength(stream.Length - 32);

        var act = () => NpyRowFile.Open(folder.File("payload.npy"), null, out _);

        act.Should().Throw<NpyFormatException>().WithMessage($"{folder.File("payload.npy")}: array 'payload' is truncated: shape (100, 8) of float32 needs 3200 bytes after the header but only 3168 are there");
    }

    [Fact]
    public void A_file_rewritten_while_it_is_read_fails_the_read_naming_the_file()
    {
        NpyWriter.Write(folder.File("payload.npy"), RandomUnitVectors.Generate(100, 8, seed: 1));
        var rows = NpyRowFile.Open(folder.File("payload.npy"), null, out _);
        NpyWriter.Write(folder.File("payload.npy"), RandomUnitVectors.Generate(50, 8, seed: 2));

        var act = () => rows.Slice(0, 10);

        act.Should().Throw<NpyFormatException>().WithMessage($"{folder.File("payload.npy")}: array 'payload' changed while it was being read*");
    }

    [Fact]
    public void A_wrong_dimension_is_refused_before_any_row_is_read()
    {
        NpyWriter.Write(folder.File("payload.npy"), RandomUnitVectors.Generate(10, 8, seed: 1));

        var act = () => NpyRowFile.Open(folder.File("payload.npy"), 16, out _);

        act.Should().Throw<NpyFormatException>().WithMessage("*payload.npy*(10, 8)*");
    }
}
