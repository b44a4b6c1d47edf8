using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Index;
using Nvf.Faiss;
using Nvf.Core.Training;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Index;

/// <summary>The flat ablation over a payload read in place, a block at a time, finds what one exact search over the whole array finds.</summary>
public sealed class BlockwiseExactSearchTests
{
    [Fact]
    public void Searching_block_by_block_equals_one_search_over_the_whole_array()
    {
        using var folder = new TempFolder();
        var payload = RandomUnitVectors.Generate(150_000, 16, seed: 4);
        var queries = RandomUnitVectors.Generate(40, 16, seed: 5);
        // Identical copies in every block, more of them than k: ties at the boundary, as real text's boilerplate makes.
        foreach (var row in new[] { 100, 7_000, 65_535, 65_536, 70_000, 131_072, 140_000, 149_999, 20, 90_000, 120_000, 3 })
            payload.Row(7).CopyTo(payload.Row(row));
        queries.Row(0).Clear();
        payload.Row(7).CopyTo(queries.Row(0));
        NpyWriter.Write(folder.File("payload.npy"), payload);
        var rows = NpyRowFile.Open(folder.File("payload.npy"), null, out _);
        var done = new List<int>();

        var blockwise = BlockwiseExactSearch.InnerProduct(queries, rows, 10, new SynchronousProgress<int>(done.Add));
        var whole = FaissExactSearch.InnerProduct(queries.Data, payload.Data, 16, 10);

        blockwise.Ids.Should().Equal(whole.Ids);
        blockwise.Scores.Should().Equal(whole.Scores);
        done.Should().Equal(65_536, 131_072, 150_000);
    }
}
