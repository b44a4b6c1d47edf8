using System.Globalization;
using Nvf.Core.Data;
using Nvf.Core.Metrics;

namespace Nvf.Core.Pipeline;

/// <summary>The separately trained pipeline and its jointly fine-tuned copy, evaluated on the same queries.</summary>
/// <param name="Separate">The separately trained pipeline's evaluation.</param>
/// <param name="Joint">The fine-tuned pipeline's evaluation.</param>
public sealed record JointComparison(PipelineEvaluation Separate, PipelineEvaluation Joint)
{
    /// <summary>Separate pipeline Top-1.</summary>
    public ProportionEstimate SeparateTop1 => Separate.PipelineTop1 ?? throw new InvalidOperationException("the separate evaluation has no reranker");

    /// <summary>Joint pipeline Top-1.</summary>
    public ProportionEstimate JointTop1 => Joint.PipelineTop1 ?? throw new InvalidOperationException("the joint evaluation has no reranker");

    /// <summary>Joint minus separate pipeline Top-1, in percentage points.</summary>
    public double ChangePoints => 100 * (JointTop1.Estimate - SeparateTop1.Estimate);

    /// <summary>Helped, hurt, or no change the two 95% intervals can resolve.</summary>
    public JointEffect Effect =>
        JointTop1.Lower > SeparateTop1.Upper ? JointEffect.Helped
        : JointTop1.Upper < SeparateTop1.Lower ? JointEffect.Hurt
        : JointEffect.NoClearChange;

    /// <summary>The answer to the seed's question, with both intervals.</summary>
    public string Statement => string.Create(
        CultureInfo.InvariantCulture,
        $"joint fine-tuning {Effect switch { JointEffect.Helped => "helped", JointEffect.Hurt => "hurt", _ => "made no change the evaluation can resolve" }}: pipeline Top-1 {SeparateTop1} separately, {JointTop1} after joint fine-tuning ({ChangePoints:+0.0;-0.0;0.0} points)");

    /// <summary>Evaluates both pipelines of <paramref name="joint"/> on <paramref name="queries"/>.</summary>
    public static JointComparison Evaluate(JointFineTuneResult joint, QuerySet queries)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ArgumentNullException.ThrowIfNull(queries);
        var k = joint.Separate.Config.CandidateCount;
        return new JointComparison(
            PipelineEvaluator.Evaluate(joint.Separate.SoftAttention, joint.Separate.Model, queries, k),
            PipelineEvaluator.Evaluate(joint.SoftAttention, joint.Reranker, queries, k));
    }
}
