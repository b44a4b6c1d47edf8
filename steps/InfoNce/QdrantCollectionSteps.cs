using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Index;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Core.Stores;
using Nvf.Faiss;
using Nvf.Gherkin.Running;
using Nvf.Qdrant;
using Nvf.Qdrant.Testing;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>
/// The collection qdrant_collection.feature reads: the researcher's (NVF_QDRANT_URL, NVF_QDRANT_COLLECTION, ...) or,
/// without one, a collection in the project's Qdrant double holding a slice of the generated payload under shuffled
/// point ids, created with cluster settings. Disposed with the scenario.
/// </summary>
public sealed class QdrantCollectionState : IDisposable
{
    /// <summary>The client in use.</summary>
    public QdrantClient? Client { get; set; }

    /// <summary>The double behind the client on generated data, else null.</summary>
    public QdrantRestDouble? Double { get; set; }

    /// <summary>Where the collection is and how to search it.</summary>
    public QdrantCollectionSettings? Settings { get; set; }

    /// <summary>Payload rows [0, Rows) are in the collection (all of them for a researcher's collection).</summary>
    public int Rows { get; set; }

    /// <summary>What was read back.</summary>
    public QdrantCollectionSource? Source { get; set; }

    /// <summary>Oracle recall through the collection.</summary>
    public (ProportionEstimate R1, ProportionEstimate R5, ProportionEstimate RTop, double Seconds)? Oracle { get; set; }

    /// <summary>The predictions' retrieval through the collection and by exact search.</summary>
    public (ProportionEstimate QdrantR5, ProportionEstimate QdrantContain, ProportionEstimate ExactR5, ProportionEstimate ExactContain, double Seconds)? Retrieval { get; set; }

    /// <summary>True when the client and double are the process-wide ones of the generated data (kept for the next scenario).</summary>
    public bool Shared { get; set; }

    /// <summary>Frees the client and the double, unless shared.</summary>
    public void Dispose()
    {
        if (Shared)
            return;
        Client?.Dispose();
        Double?.Dispose();
    }
}

/// <summary>Steps of qdrant_collection.feature: the InfoNCE plumbing and retrieval checks on a Qdrant collection.</summary>
[Binding]
public sealed class QdrantCollectionSteps(InfoNceContext context, QdrantCollectionState state, SharedQdrantCollection OwnCollection)
{
    /// <summary>Payload rows the double holds on generated data: its JSON round trip keeps every point in memory.</summary>
    const int DoubleRows = 20_000;

    [Given("the payload of the run in a Qdrant collection")]
    public void GivenCollection()
    {
        var data = context.Session.Data;
        if (context.Inputs.QdrantCollection is { } settings)
        {
            state.Settings = settings;
            state.Client = new QdrantClient(settings.ClientOptions());
            state.Rows = data.PayloadRows.Count;
            return;
        }

        if (data.Generators.Count == 0)
            ScenarioEvidence.Skip($"no Qdrant collection named for the researcher's files: set {QdrantCollectionSettings.CollectionVariable} and NVF_QDRANT_URL (and {QdrantCollectionSettings.RowFieldVariable})");
        // One collection in the double per generated payload, filled once and shared by the feature's scenarios.
        lock (OwnCollection)
        {
            if (OwnCollection.Payload is { } payload && ReferenceEquals(payload, data.PayloadRows))
            {
                (state.Double, state.Client, state.Settings, state.Rows, state.Source, state.Shared) = (OwnCollection.Double, OwnCollection.Client, OwnCollection.Settings, OwnCollection.Rows, OwnCollection.Source, true);
                context.Scenario.AttachText("The collection", OwnCollection.Note!);
                return;
            }

            OwnCollection.Client?.Dispose();
            OwnCollection.Double?.Dispose();
            OwnCollection.Payload = null;
        }

        // A cluster-shaped collection in the double: shuffled point ids, the row in a payload field, strong writes.
        state.Rows = Math.Min(DoubleRows, data.PayloadRows.Count);
        state.Double = new QdrantRestDouble();
        state.Settings = new QdrantCollectionSettings(QdrantRestDouble.BaseAddress, null, "nvf-payload", "row", Exact: true, HnswEf: null, ReadConsistency: "majority");
        state.Client = new QdrantClient(state.Settings.ClientOptions() with { Ordering = QdrantWriteOrdering.Strong }, state.Double);
        var d = data.PayloadRows.Dimension;
        var spec = new QdrantCollectionSpec(d, QdrantDistance.Dot) { ShardNumber = 2, ReplicationFactor = 2, WriteConsistencyFactor = 2 };
        var ids = new SeededRandom(7).Permutation(state.Rows);
        var held = data.PayloadRows.Slice(0, state.Rows);
        Run(async () =>
        {
            await state.Client.CreateCollectionAsync(state.Settings.Collection, spec);
            await state.Client.UpsertAsync(state.Settings.Collection, Enumerable.Range(0, state.Rows).Select(r =>
                new QdrantPoint(1_000_000UL + (ulong)ids[r], held.Data.AsMemory(r * d, d), new JsonObject { ["row"] = r })));
        });
        var note = $"the project's Qdrant double (not Qdrant): payload rows 0 to {state.Rows - 1:N0} of {data.PayloadRows.Count:N0} under shuffled point ids, row in payload field 'row', {spec.ShardNumber} shards x {spec.ReplicationFactor} replicas, write consistency {spec.WriteConsistencyFactor}, ordering strong, read consistency majority";
        context.Scenario.AttachText("The collection", note);
        lock (OwnCollection)
        {
            (OwnCollection.Payload, OwnCollection.Double, OwnCollection.Client, OwnCollection.Settings, OwnCollection.Rows, OwnCollection.Note) = (data.PayloadRows, state.Double, state.Client, state.Settings, state.Rows, note);
            state.Shared = true;
        }
    }

    [When("the payload is read back from the collection by scroll")]
    public void WhenReadBack()
    {
        var data = context.Session.Data;
        if (state.Source is null)
        {
            // One pass over the collection: what the checks sample (the oracle queries, the eval targets' rows) keeps its vectors.
            var keep = OracleRows().Select(r => (long)r).Concat(data.EvalRows().Where(r => r >= 0 && r < state.Rows).Select(r => (long)r)).ToHashSet();
            state.Source = Run(() => QdrantCollectionSource.ReadAsync(Client, Settings, state.Rows, data.PayloadRows.Dimension, keep, data.PayloadRows, context.Scenario.StatusProgress()));
            if (state.Shared)
            {
                lock (OwnCollection)
                    OwnCollection.Source = state.Source;
            }
        }

        context.Scenario.AttachText("Read back", state.Source.Description + (state.Shared ? " (read once for the feature's scenarios)" : ""));
    }

    [Then("every payload row is in the collection once and equals the run's payload")]
    public void ThenEqualsPayload()
    {
        var source = Source;
        source.Rows.Should().Be(state.Rows);
        var mismatched = source.DifferingRows ?? throw new InvalidOperationException("The collection was read without the payload to compare with.");
        context.Metrics.Record("infonce.qdrant.rows_differing_from_payload", mismatched, MetricDirection.LowerIsBetter, kind: MetricKind.Count);
        mismatched.Should().Be(0, "JSON carries float32 exactly (shortest round-trip form), so each point must equal its payload row");
    }

    [Then("the collection's vectors pass the normalization check")]
    public void ThenNormalized()
    {
        var check = NormalizationCheck.Run(Source.Norms, Source.Info.Distance == QdrantDistance.Euclid ? FaissMetric.L2 : FaissMetric.InnerProduct);
        context.Scenario.AttachTable("Normalization of the collection's vectors", ["mean norm", "min", "max", "distance", "status"],
            [[check.Norms.Mean.ToString("F6", CultureInfo.InvariantCulture), check.Norms.Min.ToString("F6", CultureInfo.InvariantCulture), check.Norms.Max.ToString("F6", CultureInfo.InvariantCulture), Source.Info.Distance.ToString(), check.Outcome.Status]]);
        check.NormsAreUnit.Should().BeTrue(string.Join("; ", check.Outcome.Failures));
    }

    [Then("the eval targets align with the collection's vectors at their truth keys")]
    public void ThenAligned()
    {
        var data = context.Session.Data;
        var truth = data.EvalRows();
        var inCollection = Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0 && truth[i] < state.Rows).ToArray();
        inCollection.Should().NotBeEmpty("some eval targets must lie in the collection's rows");
        var d = data.Eval.Dimension;
        var targets = new VectorSet(new float[inCollection.Length * d], inCollection.Length, d);
        var atTruth = new VectorSet(new float[inCollection.Length * d], inCollection.Length, d);
        for (var i = 0; i < inCollection.Length; i++)
        {
            data.Eval.Targets.Row(inCollection[i]).CopyTo(targets.Row(i));
            Source.VectorOf(truth[inCollection[i]]).CopyTo(atTruth.Row(i));
        }

        var statistics = AlignmentStatistics.Measure(targets, atTruth, Enumerable.Range(0, inCollection.Length).ToArray());
        context.Scenario.AttachTable("Eval alignment with the collection's vectors", ["eval rows", "mean cosine", "min cosine", $"share > {statistics.Threshold}"],
            [[inCollection.Length.ToString("N0", CultureInfo.InvariantCulture), statistics.Mean.ToString("F6", CultureInfo.InvariantCulture), statistics.Min.ToString("F6", CultureInfo.InvariantCulture), statistics.Aligned.ToString()]]);
        context.Metrics.Record("infonce.qdrant.alignment.aligned", statistics.Aligned);
        statistics.Aligned.Successes.Should().Be(inCollection.Length, "every target must equal payload[truth_key] as the collection holds it (the seed: mean = min = 1.000000)");
    }

    [When("the oracle queries are searched in the collection, top {int}")]
    public void WhenOracleSearched(int topK)
    {
        var source = Source;
        var rows = OracleRows();
        var queries = rows.Length;
        var d = source.Dimension;
        var vectors = new float[queries * d];
        for (var i = 0; i < queries; i++)
            source.VectorOf(rows[i]).CopyTo(vectors.AsSpan(i * d, d));
        var (found, seconds) = Run(() => source.SearchAsync(Client, new VectorSet(vectors, queries, d), topK, context.Scenario.StatusProgress()));
        var data = context.Session.Data;
        int At(int k) => Enumerable.Range(0, queries).Count(q => Enumerable.Range(0, k).Any(j => found[(q * topK) + j] is var row && row >= 0 && data.AreDuplicates(row, rows[q])));
        state.Oracle = (ProportionEstimate.Wilson(At(1), queries), ProportionEstimate.Wilson(At(5), queries), ProportionEstimate.Wilson(At(topK), queries), seconds);
        context.Scenario.AttachTable("Oracle recall through the collection", ["search", "queries", "R@1", "R@5", $"R@{topK}", "seconds"],
            [[source.SearchMode, queries.ToString("N0", CultureInfo.InvariantCulture), state.Oracle.Value.R1.ToString(), state.Oracle.Value.R5.ToString(), state.Oracle.Value.RTop.ToString(), seconds.ToString("F1", CultureInfo.InvariantCulture)]]);
    }

    [Then("oracle recall through the collection meets the seed's figures and the report says which search ran")]
    public void ThenOracleMeetsSeed()
    {
        var (r1, r5, rTop, _) = state.Oracle ?? throw new InvalidOperationException("No oracle search; expected 'the oracle queries are searched in the collection' first.");
        context.Metrics.Record("infonce.qdrant.oracle.r_at_1", r1);
        context.Metrics.Record("infonce.qdrant.oracle.r_at_5", r5);
        Source.SearchMode.Should().NotBeNullOrEmpty();
        foreach (var (name, recall) in new[] { ("R@5 (the seed's cut: 100%)", r5), ("R@50 (the seed's cut: 100%)", rTop), ("R@1 (the gate's cut: a self-query or an identical copy of it ranks first)", r1) })
            CheckFailedException.Unless(recall.Estimate >= 1.0, $"oracle {name} through the collection is {recall}: {recall.Trials - recall.Successes} payload vectors came back neither as themselves nor as an identical copy");
    }

    [When("the predictions are searched in the collection and by exact search over the same rows")]
    public void WhenPredictionsSearched()
    {
        var data = context.Session.Data;
        var predictions = ResearcherPredictions.Load(context.PredictionsFile ?? throw new InvalidOperationException("No predictions file; expected 'the predictions file of the run' first."), data.Eval);
        var truth = data.EvalRows();
        var inCollection = Enumerable.Range(0, truth.Length).Where(i => truth[i] < state.Rows).ToArray();
        inCollection.Should().NotBeEmpty("some eval targets must lie in the collection's rows");
        var d = predictions.Dimension;
        var queries = new float[inCollection.Length * d];
        for (var i = 0; i < inCollection.Length; i++)
            predictions.Row(inCollection[i]).CopyTo(queries.AsSpan(i * d, d));
        const int k = RetrievalEvaluator.SeedTopK;
        var (qdrantRows, seconds) = Run(() => Source.SearchAsync(Client, new VectorSet(queries, inCollection.Length, d), k, context.Scenario.StatusProgress()));
        // Exact search over the run's payload rows the collection holds (the first scenario checks they are equal point for point).
        var rowsHeld = state.Rows == data.PayloadRows.Count ? data.PayloadRows : data.PayloadRows.Slice(0, state.Rows);
        var exact = BlockwiseExactSearch.InnerProduct(new VectorSet(queries, inCollection.Length, d), rowsHeld, k);
        var truthRows = inCollection.Select(i => (long)truth[i]).ToArray();
        // R@5 counts the truth row itself; Contain@50 any row holding the same vector (the metrics every retrieval uses).
        var copies = global::Nvf.Core.Artifacts.ExactDuplicates.SameVectorSets(data.FirstCopyOf, inCollection.Select(i => truth[i]).ToArray());
        var (qdrant, flat) = (new RankedLists(qdrantRows, k), new RankedLists(exact.Ids, k));
        state.Retrieval = (RetrievalMetrics.RecallAtK(qdrant, truthRows, 5), RetrievalMetrics.ContainAtK(qdrant, copies, k),
            RetrievalMetrics.RecallAtK(flat, truthRows, 5), RetrievalMetrics.ContainAtK(flat, copies, k), seconds);
        var r = state.Retrieval.Value;
        context.Scenario.AttachTable($"R@5 and Contain@50 of the predictions ({inCollection.Length:N0} eval rows whose target is in the collection)", ["search", "R@5", "Contain@50", "seconds"],
        [
            [Source.Description, r.QdrantR5.ToString(), r.QdrantContain.ToString(), seconds.ToString("F1", CultureInfo.InvariantCulture)],
            ["FAISS exact inner product over the same rows", r.ExactR5.ToString(), r.ExactContain.ToString(), ""],
        ]);
    }

    [Then("R@5 and Contain@50 through the collection are reported beside exact search's, and equal them when the search is exact")]
    public void ThenBesideExact()
    {
        var r = state.Retrieval ?? throw new InvalidOperationException("No search; expected 'the predictions are searched in the collection ...' first.");
        context.Metrics.Record("infonce.qdrant.predictions.r_at_5", r.QdrantR5);
        context.Metrics.Record("infonce.qdrant.predictions.contain_at_50", r.QdrantContain);
        if (Source.Info.SearchMode(Settings.Exact).StartsWith("HNSW", StringComparison.Ordinal))
        {
            context.Scenario.AttachText("HNSW", $"approximate search: R@5 {r.QdrantR5} beside exact {r.ExactR5}; the difference is what the graph costs");
            return;
        }

        r.QdrantR5.Successes.Should().Be(r.ExactR5.Successes, "an exhaustive search over the same rows ranks as FAISS's exact search");
        r.QdrantContain.Successes.Should().Be(r.ExactContain.Successes);
    }

    // The payload rows used as their own queries: a seeded sample of the collection's rows (the seed: 1,000).
    int[] OracleRows() => new SeededRandom(context.Config.Retrieval.Seed).Permutation(state.Rows)[..Math.Min(context.Config.Retrieval.OracleQueries, state.Rows)];

    QdrantClient Client => state.Client ?? throw new InvalidOperationException("No collection; expected 'Given the payload of the run in a Qdrant collection' first.");

    QdrantCollectionSettings Settings => state.Settings ?? throw new InvalidOperationException("No collection; expected 'Given the payload of the run in a Qdrant collection' first.");

    QdrantCollectionSource Source => state.Source ?? throw new InvalidOperationException("Nothing read back; expected 'the payload is read back from the collection by scroll' first.");

    static void Run(Func<Task> work) => work().GetAwaiter().GetResult();

    static T Run<T>(Func<Task<T>> work) => work().GetAwaiter().GetResult();
}

/// <summary>
/// The Qdrant double's collection of the generated payload, shared by the scenarios of one run (made once, read back once) and
/// released when the run finishes (<see cref="IRunScoped"/>): the runner disposes it, whatever the features and their order.
/// </summary>
public sealed class SharedQdrantCollection : IRunScoped
{
    /// <summary>The payload the collection holds (the session's, compared by reference).</summary>
    public IVectorRows? Payload { get; set; }

    /// <summary>The double serving it.</summary>
    public QdrantRestDouble? Double { get; set; }

    /// <summary>The client of the double.</summary>
    public QdrantClient? Client { get; set; }

    /// <summary>The collection's settings.</summary>
    public QdrantCollectionSettings? Settings { get; set; }

    /// <summary>How many payload rows it holds.</summary>
    public int Rows { get; set; }

    /// <summary>The collection read back by scroll, once.</summary>
    public QdrantCollectionSource? Source { get; set; }

    /// <summary>What the collection is, for the report.</summary>
    public string? Note { get; set; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Client?.Dispose();
        Double?.Dispose();
        (Payload, Client, Double, Source) = (null, null, null, null);
    }
}
