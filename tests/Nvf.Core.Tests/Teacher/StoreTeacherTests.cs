using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Nvf.Core.Tests.Stores;
using Xunit;

namespace Nvf.Core.Tests.Teacher;

public sealed class StoreTeacherTests
{
    static readonly NvfDatabase Database = NvfDatabase.RandomUnit(200, 12, 9);

    [Fact]
    public async Task Faiss_and_the_qdrant_double_log_the_same_answers_batch_by_batch()
    {
        var queries = RandomUnitVectors.Generate(50, 12, 10);
        var logs = new List<QueryLog>();
        foreach (var (kind, batch) in new[] { (StoreKind.Faiss, 50), (StoreKind.QdrantDouble, 7) })
        {
            await using var store = StoreFactory.Open(kind);
            await StoreTeacher.IndexAsync(store, Database, VectorMetric.Cosine);
            logs.Add(await StoreTeacher.LogAsync(store, queries, 6, batch, Database.Key, "test queries"));
        }

        var agreement = StoreAgreement.Compare(logs[0].AsSearchResult(), logs[1].AsSearchResult(), 1e-3);
        agreement.AllEquivalent.Should().BeTrue(agreement.ToString());
        logs.Select(l => l.Source.Store).Should().Equal("faiss-flat", "qdrant");
        Enumerable.Range(0, 50).Select(q => (int)logs[1].TopId(q)).Should().Equal(ExactCosineSearch.Nearest(Database.Vectors, queries), "row i is stored under id i");
    }

    [Fact]
    public void Labels_are_the_stores_top_1_and_must_be_rows_of_the_database()
    {
        var queries = new VectorSet(new float[2 * 12], 2, 12);
        var good = new QueryLog(queries, [17, 3, 5, 150], [0.9f, 0.1f, 0.8f, 0.2f], 2, VectorMetric.Cosine, SampleLogs.Source);

        QueryLogLabels.ToQuerySet(good, Database).Labels.Should().Equal(17, 5);
        good.TopId(1).Should().Be(5);
        var stranger = new QueryLog(queries, [17, 3, 250, 5], [0.9f, 0.1f, 0.8f, 0.2f], 2, VectorMetric.Cosine, SampleLogs.Source);
        var act = () => QueryLogLabels.ToQuerySet(stranger, Database);
        act.Should().Throw<ArgumentException>().WithMessage("*query 1*top-1 id 250*[0, 200)*");
    }

    [Fact]
    public void Parity_data_ties_duplicates_and_scales_rows_without_touching_the_corpus()
    {
        var corpus = Database.Vectors;
        var before = (float[])corpus.Data.Clone();

        var data = ParityData.Make(corpus, queries: 9, duplicates: 4, seed: 3);

        corpus.Data.Should().Equal(before);
        for (int i = 0; i < 4; i++)
            data.Vectors.Row(200 - 4 + i).ToArray().Should().Equal(data.Vectors.Row(i).ToArray());
        var lengths = Enumerable.Range(0, 196).Select(i => Math.Sqrt(data.Vectors.Row(i).ToArray().Sum(x => (double)x * x))).ToList();
        lengths.Should().OnlyContain(l => l >= 0.5 - 1e-5 && l <= 2 + 1e-5);
        lengths.Max().Should().BeGreaterThan(1.5 * lengths.Min(), "lengths differ, so inner product and cosine rank differently");
        data.Queries.Row(2).ToArray().Should().Equal(data.Vectors.Row(1).ToArray(), "even queries are duplicated rows");
    }

    [Fact]
    public async Task Parity_of_faiss_and_the_exact_store_holds_and_a_store_with_other_answers_is_caught()
    {
        var data = ParityData.Make(Database.Vectors, queries: 40, duplicates: 10, seed: 4);
        await using var faiss = new FaissVectorStore();
        await using var exact = new ExactVectorStore();
        await using var other = new NegatedQueryStore();

        var same = await StoreParity.CompareAsync(faiss, exact, data, VectorMetric.Euclidean, 5, 1e-3);
        var different = await StoreParity.CompareAsync(faiss, other, data, VectorMetric.Euclidean, 5, 1e-3);

        same.AllEquivalent.Should().BeTrue(same.ToString());
        different.EquivalentUpToTies.Should().Be(0, different.ToString());
    }
}
