using FluentAssertions;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Faiss;
using Xunit;

namespace Nvf.Core.Tests.Retrieval;

/// <summary>Per-query results re-score to the metrics of the search they came from, and a damaged file is named, not read.</summary>
public sealed class PerQueryResultsTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nvf-per-query-").FullName;

    [Fact]
    public void A_written_file_re_scores_to_the_same_metrics_and_a_truncated_one_is_refused_naming_the_file()
    {
        // 3 queries, top 5: the truth at rank 0, at rank 3 behind an identical copy at rank 1, and absent.
        long[] ids = [7, 1, 2, 3, 4, 5, 9, 6, 8, 0, 1, 2, 3, 4, 5];
        var result = FaissSearchResult.Create(ids, [.. Enumerable.Range(0, 15).Select(i => 1f - i / 100f)], 3, 5);
        var truth = new long[] { 7, 8, 11 };
        IReadOnlySet<long>[] same = [new HashSet<long> { 7 }, new HashSet<long> { 8, 9 }, new HashSet<long> { 11 }];
        var vectors = new VectorSet([1, 0, 0, 1, 1, 0], 3, 2);
        var header = new PerQueryHeader(PerQueryResults.Format, "p.npy", "ab", "eval.npz", "Flat IP", 5, [1, 5], 0);

        var results = PerQueryResults.From(result, truth, same, vectors, vectors, header);
        var path = Path.Combine(folder, "p" + PerQueryResults.Suffix);
        results.Write(path);
        var read = PerQueryResults.Read(path);

        read.Rows.Select(r => (r.Rank, r.ContainRank)).Should().Equal((0, 0), (3, 1), (-1, -1));
        read.Rows.Select(r => r.Cosine).Should().OnlyContain(c => Math.Abs(c - 1) < 1e-12, "each prediction here is its own target");
        var scores = read.Score([1, 5]);
        scores[0].Recall.Successes.Should().Be(1);
        scores[1].Recall.Successes.Should().Be(2);
        scores[0].Contain.Successes.Should().Be(1);
        scores[1].Contain.Successes.Should().Be(2, "the identical copy at rank 1 counts for Contain@5");
        scores[1].Mrr.Mean.Should().BeApproximately((1 + 0.25) / 3, 1e-12);
        read.Score([1, 5]).Should().BeEquivalentTo(results.Score([1, 5]), "re-scoring the file gives what the search gave");

        File.WriteAllLines(path, File.ReadAllLines(path)[..3]);
        var truncated = () => PerQueryResults.Read(path);
        truncated.Should().Throw<InvalidDataException>().WithMessage($"{path}: 2 query lines; the header promises 3*");
        var wide = () => read.Score([6]);
        wide.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*expected 1 <= k <= 5*");
    }

    [Fact]
    public void Empty_slots_of_an_index_that_returns_fewer_than_k_are_written_and_read_back()
    {
        // Found with an HNSW index over the Python docs: its empty slots (id -1, score -infinity) failed the evaluation with
        // "System.ArgumentException: .NET number values such as positive and negative infinity cannot be written as valid JSON".
        var result = FaissSearchResult.Create([3, -1, -1, 2, 0, 1], [0.9f, float.NegativeInfinity, float.NegativeInfinity, 0.8f, 0.7f, 0.6f], 2, 3);
        var vectors = new VectorSet([1, 0, 0, 1], 2, 2);
        var header = new PerQueryHeader(PerQueryResults.Format, "p.npy", "ab", "eval.npz", "HNSW IP", 3, [1], 0);
        var path = Path.Combine(folder, "hnsw" + PerQueryResults.Suffix);

        PerQueryResults.From(result, [3, 1], [new HashSet<long> { 3 }, new HashSet<long> { 1 }], vectors, vectors, header).Write(path);
        var read = PerQueryResults.Read(path);

        File.ReadAllLines(path)[1].Should().Contain("\"-Infinity\"");
        read.Rows[0].Ids.Should().Equal(3, -1, -1);
        read.Rows[0].Scores[1].Should().Be(float.NegativeInfinity);
        read.Rows.Select(r => r.Rank).Should().Equal(0, 2);
    }

    [Fact]
    public void Evaluation_settings_load_from_json_and_a_wrong_field_names_the_file_and_what_is_expected()
    {
        var good = Path.Combine(folder, "eval.json");
        File.WriteAllText(good, "// mine\n{ \"nprobe\": 8, \"k\": \"10,1\", \"negatives\": \"random\", \"flat\": true }");
        var settings = EvaluationSettings.Load(good);
        (settings.Nprobe, settings.ForceFlat, settings.Negatives).Should().Be((8, true, NegativeSampling.Random));
        settings.Cutoffs.Should().Equal(1, 10);

        var bad = Path.Combine(folder, "bad.json");
        File.WriteAllText(bad, "{ \"nprobe\": 8, \"negative\": \"random\" }");
        var act = () => EvaluationSettings.Load(bad);
        act.Should().Throw<ConfigException>().WithMessage("bad.json: unknown field(s) 'negative'*");
        File.WriteAllText(bad, "{ \"negatives\": \"sideways\" }");
        act.Should().Throw<ConfigException>().WithMessage("bad.json: negatives 'sideways': expected \"in-batch\"*");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
