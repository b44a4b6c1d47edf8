using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>Both stages as one module ("soft_attention.*", "reranker.*"), so one optimizer and one early-stopping snapshot cover them.</summary>
public sealed class JointPipelineModule : Module
{
    /// <summary>Takes ownership of both stages.</summary>
    public JointPipelineModule(SoftAttentionModel softAttention, Reranker reranker)
    {
        SoftAttention = RegisterModule("soft_attention", softAttention);
        Reranker = RegisterModule("reranker", reranker);
    }

    /// <summary>The first stage.</summary>
    public SoftAttentionModel SoftAttention { get; }

    /// <summary>The second stage.</summary>
    public Reranker Reranker { get; }
}
