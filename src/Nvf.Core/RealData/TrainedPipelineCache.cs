using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Training;

namespace Nvf.Core.RealData;

/// <summary>
/// Trained soft attention and reranker of a real task in the <see cref="TrainedModelStore"/>, keyed by everything training
/// is a function of: the database rows, the training queries and their labels (both parts), both run configs, the
/// reranker design and the store's code identity. A hit equals a fresh training on the same build and machine kind; an
/// entry whose files do not match its record is trained again, and the note says why.
/// </summary>
public static class TrainedPipelineCache
{
    /// <summary>The models from the store when valid, else trained by <paramref name="train"/> and stored.</summary>
    /// <param name="folder">The store's folder (<see cref="RealTextEncoder.ModelCacheFolder"/>).</param>
    /// <param name="name">An entry-name stem ("wordnet").</param>
    /// <param name="database">The rows soft attention scores.</param>
    /// <param name="attentionQueries">Soft attention's training queries.</param>
    /// <param name="rerankerQueries">The reranker's training queries.</param>
    /// <param name="softAttention">Soft attention's config.</param>
    /// <param name="reranker">The reranker's config.</param>
    /// <param name="design">The reranker design.</param>
    /// <param name="train">Trains both when the store cannot serve them.</param>
    public static (TrainedSoftAttention Attention, TrainedReranker Reranker, string Note) GetOrTrain(
        string folder, string name, NvfDatabase database, QuerySet attentionQueries, QuerySet rerankerQueries,
        SoftAttentionConfig softAttention, RerankerConfig reranker, RerankerDesign design,
        Func<(TrainedSoftAttention Attention, TrainedReranker Reranker)> train)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(attentionQueries);
        ArgumentNullException.ThrowIfNull(rerankerQueries);
        ArgumentNullException.ThrowIfNull(train);
        var description = string.Join(
            " | ", $"real pipeline {name}", string.Create(CultureInfo.InvariantCulture, $"{softAttention with { Name = "" }}"),
            string.Create(CultureInfo.InvariantCulture, $"{reranker with { Name = "" }}"), design.ToString());
        var ((attention, rerank), note) = new TrainedModelStore(folder).GetOrTrain<(TrainedSoftAttention Attention, TrainedReranker Reranker)>(
            name, description,
            [
                TrainedModelStore.Bytes(database.Vectors.Data),
                TrainedModelStore.Bytes(attentionQueries.Queries.Data), TrainedModelStore.Bytes(attentionQueries.Labels),
                TrainedModelStore.Bytes(rerankerQueries.Queries.Data), TrainedModelStore.Bytes(rerankerQueries.Labels),
            ],
            train,
            stored =>
            {
                var read = new TrainedSoftAttention(
                    stored.Load("soft-attention", TrainedModels.NewSoftAttention(database, softAttention)), database, softAttention, stored.Curve("soft-attention"));
                var model = stored.Load("reranker", TrainedModels.NewReranker(design, database, reranker, reranker.Seed));
                return (read, new TrainedReranker(model, read, reranker, stored.Curve("reranker"), stored.Count("training-queries")));
            },
            trained => (new Dictionary<string, Torch.Nn.Module> { ["soft-attention"] = trained.Attention.Model, ["reranker"] = trained.Reranker.Model },
                new Dictionary<string, TrainingCurve> { ["soft-attention"] = trained.Attention.Curve, ["reranker"] = trained.Reranker.Curve },
                new Dictionary<string, int> { ["training-queries"] = trained.Reranker.TrainingQueries }));
        return (attention, rerank, note);
    }
}
