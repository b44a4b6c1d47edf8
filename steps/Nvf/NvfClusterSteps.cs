using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>"Bonus: show that NVF learns cluster structure", seen in where its errors land.</summary>
[Binding]
public sealed class NvfClusterSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [Then("^the share of soft attention's wrong answers in the right cluster is above chance of (\\d+)/(\\d+): its 95% interval lies above (\\d+) times chance$")]
    public void ThenErrorsLandInCluster(int chanceNumerator, int chanceDenominator, int factor)
    {
        var e = scenario.Evaluated;
        var chance = e.InClusterChance ?? throw new InvalidOperationException("The database is not clustered; expected a clustered corpus.");
        chance.Should().BeApproximately((double)chanceNumerator / chanceDenominator, 1e-9, "chance is (cluster size - 1) / (N - 1)");
        var inCluster = e.SoftAttentionErrorsInCluster!;
        context.AttachText("errors in the right cluster", $"{inCluster} of soft attention's wrong answers are in the label's cluster; chance {chanceNumerator}/{chanceDenominator} = {MetricsTable.Percent(chance)}; threshold {factor} x chance = {MetricsTable.Percent(factor * chance)}");
        scenario.Record(context, "soft_attention_errors_in_cluster", inCluster);
        context.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.ClusterStructure, scenario.AnswerCase, ResearchAnswers.MetIf(inCluster.Lower > factor * chance), inCluster) with
        {
            Target = $"interval above {factor} × chance ({MetricsTable.Percent(factor * chance)})",
            Detail = $"share of soft attention's wrong answers in the label's cluster; chance {chanceNumerator}/{chanceDenominator}",
        });
        scenario.Record(context, "soft_attention_top1", e.SoftAttentionTop1);
        inCluster.Lower.Should().BeGreaterThan(factor * chance, "the errors must land in the right cluster far more often than chance");
    }
}
