using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Sanity;
using Nvf.Core.Tests.Data;
using Nvf.Core.Tests.InfoNce;
using Xunit;

namespace Nvf.Core.Tests.Artifacts;

[Collection(nameof(TorchCollection))]
public class GateDataTests
{
    [Fact]
    public void Generated_data_has_the_specs_shape_duplicates_and_targets_that_are_payload_rows()
    {
        var data = SmallGate.Session().Data;
        data.PayloadRows.Count.Should().Be(300 * 16);
        var copies = Enumerable.Range(0, data.PayloadRows.Count).Count(r => data.FirstCopyOf[r] != r);
        copies.Should().BeInRange(90, 96, "2% of 4,800 rows are copies (a copy of an already-copied source counts once)");
        var rows = data.EvalRows();
        for (var i = 0; i < data.Eval.Count; i++)
            data.Eval.Targets.Row(i).SequenceEqual(data.Payload.Row(rows[i])).Should().BeTrue();
        data.Training!.Count.Should().Be(2048);
    }

    [Fact]
    public void Shuffled_targets_keep_the_contexts_and_permute_the_targets()
    {
        var aligned = SmallGate.Session().Data.Training!;
        var shuffled = TrainingSamples.For(aligned, TrainingTargets.Shuffled, 4);
        shuffled.Contexts.Should().BeSameAs(aligned.Contexts);
        Enumerable.Range(0, aligned.Count).Count(i => aligned.Targets.Row(i).SequenceEqual(shuffled.Targets.Row(i))).Should().BeLessThan(10);
        TrainingSamples.For(aligned, TrainingTargets.Aligned, 4).Should().BeSameAs(aligned);
    }

    [Fact]
    public void Exact_duplicates_are_found_by_content()
    {
        var vectors = new VectorSet([1, 2, 3, 4, 1, 2, 5, 6, 3, 4], 5, 2);
        ExactDuplicates.FirstCopyOf(vectors).Should().Equal(0, 1, 0, 3, 1);
        ExactDuplicates.SameVectorSets([0, 1, 0, 3, 1], [2, 3])[0].Should().BeEquivalentTo(new long[] { 0, 2 });
    }

    [Fact]
    public void A_researchers_files_load_and_pass_the_same_checks()
    {
        using var folder = new TempFolder();
        var data = SmallGate.Session().Data;
        NpyWriter.Write(folder.File("payload.npy"), data.Payload);
        data.Eval.Save(folder.File("eval.npz"));
        var keys = data.Keys.KeyOfRow.SelectMany(k => new long[] { k.Article, k.Chunk }).ToArray();
        NpyWriter.Write(folder.File("keys.npy"), keys, data.PayloadRows.Count, 2);
        var sources = new ArtifactSources(folder.File("payload.npy"), folder.File("eval.npz"), null, folder.File("keys.npy"), null, "test");
        var loaded = FileGateData.Load(sources, 5);
        EvalAlignmentCheck.Run(loaded, 100, 1).Outcome.Passed.Should().BeTrue();
        loaded.FirstCopyOf.Should().Equal(data.FirstCopyOf);
        loaded.Split.Should().BeNull("no training set given: leakage unknown");
    }

    [Fact]
    public void Files_without_a_key_map_say_which_variable_is_missing()
    {
        using var folder = new TempFolder();
        var data = SmallGate.Session().Data;
        NpyWriter.Write(folder.File("payload.npy"), data.Payload);
        data.Eval.Save(folder.File("eval.npz"));
        var sources = new ArtifactSources(folder.File("payload.npy"), folder.File("eval.npz"), null, null, null, "test");
        FluentActions.Invoking(() => FileGateData.Load(sources, 5)).Should().Throw<ArtifactException>().WithMessage("eval.npz:*NVF_PAYLOAD_KEYS*");
    }
}
