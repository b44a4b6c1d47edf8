using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
namespace Nvf.Core.InfoNce;

/// <summary>The training objectives the seed compares (pure-infonce-sanity-report.md, "What's Being Tested").</summary>
public enum TrainingObjective
{
    /// <summary>InfoNCE on the raw 768-d space, 100%: no AR loss, no projection head (the seed's current run).</summary>
    PureInfoNce,

    /// <summary>The seed's failed V1: InfoNCE on a 256-d projection (70%) + AR cosine on the raw space (30%).</summary>
    V1Split,

    /// <summary>The pivot: separate context (Q) and payload (P) towers, InfoNCE on cos(Q(ctx), P(target)).</summary>
    TwoTower,
}
