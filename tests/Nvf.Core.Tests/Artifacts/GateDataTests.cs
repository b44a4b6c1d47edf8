using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Plumbing;
using Nvf.Core.Tests.Data;
using Nvf.Core.Tests.InfoNce;
using Nvf.Core.Training;
using Xunit;

namespace Nvf.Core.Tests.Artifacts;

[Collection(TorchCollection.Name)]
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
    public void Generated_data_is_the_corpus_the_generator_makes_read_in_place_and_cached_on_disk()
    {
        using var folder = new TempFolder();
        var spec = SmallGate.Config().Data with { Seed = 19 };
        var heard = new List<string>();

        var first = GeneratedGateData.Build(spec, folder.Path, new SynchronousProgress<string>(heard.Add));
        var second = GeneratedGateData.Build(spec, folder.Path, new SynchronousProgress<string>(heard.Add));

        // The same data the generator's corpus gives: its payload with the duplicates placed, its samples.
        var corpus = ArticleCorpusGenerator.Generate(spec.CorpusSpec);
        GeneratedGateData.OverwriteWithDuplicates(corpus.Payload, spec.DuplicateShare, SeededRandom.Fork(spec.Seed, 0x6475_7000));
        first.PayloadRows.Should().BeOfType<NpyRowFile>();
        first.PayloadRows.Slice(0, first.PayloadRows.Count).Data.Should().Equal(corpus.Payload.Data);
        var fromCorpus = corpus.BuildSamples(first.Eval.TruthKeys, spec.ContextLength);
        first.Eval.Contexts.Should().Equal(fromCorpus.Contexts);
        first.Eval.Targets.Data.Should().Equal(fromCorpus.Targets.Data);
        first.Training!.Targets.Data.Should().Equal(corpus.BuildSamples(first.Training.TruthKeys, spec.ContextLength).Targets.Data);
        first.FirstCopyOf.Should().Equal(ExactDuplicates.FirstCopyOf(corpus.Payload));

        heard.Should().Contain(l => l.StartsWith("generating 300 articles", StringComparison.Ordinal) && l.EndsWith("(no cached payload yet)", StringComparison.Ordinal));
        heard.Should().Contain(l => l.StartsWith("generated payload read from the cache", StringComparison.Ordinal));
        second.Source.Should().Be(first.Source);
        second.Eval.Contexts.Should().Equal(first.Eval.Contexts);
        second.Training!.Contexts.Should().Equal(first.Training.Contexts);
        second.FirstCopyOf.Should().Equal(first.FirstCopyOf);
    }

    [Fact]
    public void An_altered_cached_payload_is_generated_again_and_the_reason_said()
    {
        using var folder = new TempFolder();
        var spec = SmallGate.Config().Data with { Seed = 23, Articles = 60, EvalShare = 0.5, EvalSamples = 50, TrainingSamples = 100 };
        var first = GeneratedGateData.Build(spec, folder.Path);
        var file = first.Files.Single(f => f.EndsWith(".npy", StringComparison.Ordinal));
        var original = File.ReadAllBytes(file);
        var altered = (byte[])original.Clone();
        altered[^1] ^= 0x40;
        File.WriteAllBytes(file, altered);
        var heard = new List<string>();

        var again = GeneratedGateData.Build(spec, folder.Path, new SynchronousProgress<string>(heard.Add));

        heard.Should().Contain(l => l.EndsWith("does not match its recorded SHA-256 (truncated or altered))", StringComparison.Ordinal));
        File.ReadAllBytes(file).Should().Equal(original);
        again.Eval.Contexts.Should().Equal(first.Eval.Contexts);
        GeneratedGateData.CacheKey(spec with { Seed = 24 }).Should().NotBe(GeneratedGateData.CacheKey(spec), "another spec is another cache entry");
    }

    [Fact]
    public void Files_an_earlier_build_generated_for_the_same_spec_are_removed_and_others_kept()
    {
        using var folder = new TempFolder();
        var spec = SmallGate.Config().Data with { Seed = 25, Articles = 60, EvalShare = 0.5, EvalSamples = 50, TrainingSamples = 100 };
        var file = GeneratedGateData.Build(spec, folder.Path).Files.Single(f => f.EndsWith(".npy", StringComparison.Ordinal));
        var name = Path.GetFileNameWithoutExtension(file); // infonce-payload-{seed}-{spec digest}-{key}
        var family = name["infonce-payload-".Length..name.LastIndexOf('-')];
        var earlier = new[]
        {
            Path.Combine(folder.Path, $"infonce-payload-{family}-0123456789abcdef.npy"),
            Path.Combine(folder.Path, $"infonce-payload-{family}-0123456789abcdef.npy.json"),
            Path.Combine(folder.Path, $"infonce-payload-{family}-0123456789abcdef.ivf-flat-ip-seed1-niter10.faiss"),
            Path.Combine(folder.Path, $"infonce-eval-{family}-0123456789abcdef.npz"),
        };
        var otherSpec = Path.Combine(folder.Path, "infonce-payload-25-fedcba98-0123456789abcdef.npy");
        foreach (var planted in earlier.Append(otherSpec))
            File.WriteAllText(planted, "an earlier build's file");
        File.Delete(file + ".json");
        var heard = new List<string>();

        GeneratedGateData.Build(spec, folder.Path, new SynchronousProgress<string>(heard.Add));

        earlier.Should().OnlyContain(f => !File.Exists(f));
        File.Exists(otherSpec).Should().BeTrue("another spec's files are not this spec's to remove");
        File.Exists(file).Should().BeTrue();
        heard.Should().Contain(l => l.StartsWith("removed 4 cache file(s) an earlier build generated for this spec", StringComparison.Ordinal));
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

    [Fact]
    public void A_payload_row_with_a_nan_is_named_by_file_row_and_column()
    {
        // Found on the Python docs: `nvf sanity` said "nvf: unexpected ArgumentException: row 17 (column 0) is NaN; FAISS needs
        // finite values (Parameter 'vectors')", naming neither the file nor what to do, with exit 1.
        using var folder = new TempFolder();
        var data = SmallGate.Session().Data;
        var payload = data.Payload.Slice(0, data.Payload.Count);
        payload.Row(17)[3] = float.NaN;
        NpyWriter.Write(folder.File("payload.npy"), payload);
        data.Eval.Save(folder.File("eval.npz"));
        NpyWriter.Write(folder.File("keys.npy"), data.Keys.KeyOfRow.SelectMany(k => new long[] { k.Article, k.Chunk }).ToArray(), data.PayloadRows.Count, 2);
        var sources = new ArtifactSources(folder.File("payload.npy"), folder.File("eval.npz"), null, folder.File("keys.npy"), null, "test");

        FluentActions.Invoking(() => FileGateData.Load(sources, 5)).Should().Throw<ArtifactException>()
            .WithMessage("*payload.npy: row 17, column 3 is NaN; expected finite vectors*");
    }
}
