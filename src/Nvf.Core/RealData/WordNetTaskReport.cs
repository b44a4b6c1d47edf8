using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;
using Nvf.Core.Training;

namespace Nvf.Core.RealData;

/// <summary>What the seed's Task 2 option A measured on WordNet.</summary>
/// <param name="Store">The store's kind ("faiss-flat").</param>
/// <param name="Sample">The documents and queries.</param>
/// <param name="VsStore">NVF (trained on the store's logged answers) on the held-out queries, labels = the store's top-1: "NVF imitates the store".</param>
/// <param name="VsTruth">The same NVF on the same queries, labels = each query's own synset: its oracle row is the store's own Top-1 against WordNet.</param>
/// <param name="StoreTop5Truth">The store's top 5 holds the query's own synset.</param>
/// <param name="Topics">Intra- and inter-topic cosine of the stored definitions (lexicographer files as clusters).</param>
/// <param name="TopicNames">Lexicographer file names by number.</param>
/// <param name="SoftAttentionCurve">Soft attention's training curve.</param>
/// <param name="RerankerCurve">The reranker's training curve.</param>
/// <param name="Embedding">How the texts were embedded: cache hits or rebuilds, and throughput.</param>
/// <param name="Training">Whether the models were trained here or read from the trained-model cache, and where.</param>
public sealed record WordNetTaskReport(
    string Store, WordNetSample Sample, PipelineEvaluation VsStore, PipelineEvaluation VsTruth, ProportionEstimate StoreTop5Truth,
    ClusteringReport Topics, IReadOnlyList<string> TopicNames, TrainingCurve SoftAttentionCurve, TrainingCurve RerankerCurve, IReadOnlyList<string> Embedding, string Training);
