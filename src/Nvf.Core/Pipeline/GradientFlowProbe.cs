using Nvf.Core.Data;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>
/// Checks the seed's constraint "must still have gradients flowing": back-propagates the
/// reranker's loss on a batch and measures the gradient each probed tensor receives. Leaves the
/// (possibly shared) models' gradients zeroed afterwards.
/// </summary>
public static class GradientFlowProbe
{
    /// <summary>Relaxation temperature used by the gate: 1, since soft attention's logits already carry its learnt temperature.</summary>
    public const double DefaultTemperature = 1.0;

    /// <summary>Gradients of the loss on the reranked answer with respect to the queries and the candidate vectors (soft attention frozen).</summary>
    public static GradientFlowReport ToInputs(TrainedSoftAttention softAttention, Reranker reranker, QuerySet batch, int k)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(batch);
        var database = softAttention.Database;
        using var tensors = new QueryTensors(batch);
        using var candidateSet = CandidateSet.Build(softAttention.Model, database, tensors, k);
        using var scope = new DisposeScope();
        var queries = candidateSet.Queries.Clone().RequireGrad();                                          // (B, D) leaf
        var candidates = candidateSet.CandidateVectors(database, Tensor.Arange(batch.Count)).RequireGrad(); // (B, K, D) leaf
        reranker.Eval();
        var scores = reranker.Score(queries, candidates, candidateSet.Logits);
        RerankLoss.Masked(scores, candidateSet.LabelPositions).Backward();
        var report = new GradientFlowReport(
            $"reranker loss on {batch.Count} queries, frozen soft attention's Top-{k}",
            [new("queries (B, D)", Norm(queries.Grad)), new("candidate vectors (B, K, D)", Norm(candidates.Grad))]);
        ZeroGrad(reranker);
        return report;
    }

    /// <summary>Gradients of the loss on the reranked answer with respect to every soft attention parameter, through a <paramref name="relaxation"/> Top-K.</summary>
    public static GradientFlowReport ToSoftAttention(TrainedSoftAttention softAttention, Reranker reranker, QuerySet batch, int k, TopKRelaxation relaxation, double temperature, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(batch);
        var model = softAttention.Model;
        ZeroGrad(model);
        using var tensors = new QueryTensors(batch);
        using var generator = new Generator(seed);
        using (var scope = new DisposeScope())
        {
            reranker.Eval();
            var (scores, indices) = EndToEndPipeline.Forward(model, reranker, softAttention.Database.Tensor, tensors.Queries, k, relaxation, temperature, generator);
            RerankLoss.Masked(scores, RerankLoss.Positions(indices, batch.Labels)).Backward();
        }

        var norms = model.NamedParameters().Select(p => new KeyValuePair<string, double>(p.Key, Norm(p.Value.Grad))).ToList();
        ZeroGrad(model);
        ZeroGrad(reranker);
        return new GradientFlowReport($"reranker loss on {batch.Count} queries through a {ConfigsText(relaxation)} Top-{k} (τ = {temperature})", norms);
    }

    private static string ConfigsText(TopKRelaxation relaxation) => Configs.ConfigReader.Kebab(relaxation.ToString());

    private static double Norm(Tensor? gradient)
    {
        if (gradient is null)
        {
            return 0;
        }

        using (gradient)
        using (new DisposeScope())
        {
            return Math.Sqrt(gradient.Square().Sum().ToSingle());
        }
    }

    private static void ZeroGrad(Module module)
    {
        foreach (var parameter in module.Parameters())
        {
            parameter.ZeroGrad();
        }
    }
}
