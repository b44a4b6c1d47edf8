using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>The answer to the seed's question "jointly or separately?".</summary>
[Binding]
public sealed class NvfJointSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [Then("the report states whether joint fine-tuning changed pipeline Top-1, with both intervals")]
    public void ThenReportStatesJointEffect()
    {
        var comparison = scenario.Comparison ?? throw new InvalidOperationException("No joint comparison; expected joint fine-tuning and then an evaluation.");
        context.AttachText("separate vs joint training", comparison.Statement);
        var effect = comparison.Effect switch { JointEffect.Helped => "joint helped", JointEffect.Hurt => "joint hurt", _ => "no change the intervals can resolve" };
        context.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.SeparateOrJoint, scenario.AnswerCase, AnswerVerdict.Answered, comparison.JointTop1) with
        {
            Figure = $"{effect}: {MetricsTable.Percent(comparison.JointTop1.Estimate)} joint vs {MetricsTable.Percent(comparison.SeparateTop1.Estimate)} separate ({comparison.ChangePoints.ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture)} points)",
            Detail = $"separate {ResearchAnswers.Interval(comparison.SeparateTop1)}, joint {ResearchAnswers.Interval(comparison.JointTop1)}, same queries; the seed: start separate, try joint if needed",
        });
        scenario.Record(context, "separate_pipeline_top1", comparison.SeparateTop1);
        scenario.Record(context, "soft_attention_top1", comparison.Joint.SoftAttentionTop1);
        comparison.Statement.Should().Contain(comparison.SeparateTop1.ToString()).And.Contain(comparison.JointTop1.ToString());
        comparison.Separate.EvaluationQueriesMatch(comparison.Joint).Should().BeTrue("both pipelines are evaluated on the same queries");
    }
}
