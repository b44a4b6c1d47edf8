using FluentAssertions;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Xunit;

namespace Nvf.Core.Tests.Decision;

public class DecisionGateTests
{
    [Theory]
    [InlineData(0.5, 0.0, GateDecision.ContinueTraining)]
    [InlineData(0.05, -1.0, GateDecision.ContinueTraining)]
    [InlineData(0.0499, 0.9, GateDecision.TrainMoreEpochs)]
    [InlineData(1e-4, 0.0, GateDecision.TrainMoreEpochs)]
    [InlineData(0.0, 0.10, GateDecision.CheckFlatIndex)]
    [InlineData(0.0, 0.0999, GateDecision.PivotToTwoTower)]
    [InlineData(0.0, -0.2, GateDecision.PivotToTwoTower)]
    public void Every_branch_of_the_seed_tree_at_its_boundaries(double recallAt5, double delta, GateDecision expected) =>
        DecisionGate.Decide(recallAt5, delta).Should().Be(expected);

    [Fact]
    public void Flat_ablation_blames_the_model_only_when_flat_also_finds_nothing()
    {
        DecisionGate.JudgeFlatAblation(0).Should().Be(FlatAblationVerdict.ModelIsTheIssue);
        DecisionGate.JudgeFlatAblation(0.001).Should().Be(FlatAblationVerdict.AnnIsTheIssue);
        DecisionGate.Describe(FlatAblationVerdict.ModelIsTheIssue).Should().Be("model is the issue, not ANN");
    }

    [Theory]
    [InlineData(-0.01, 0.1)]
    [InlineData(1.5, 0.1)]
    [InlineData(double.NaN, 0.1)]
    [InlineData(0.1, double.NaN)]
    public void Refuses_values_outside_their_range(double recallAt5, double delta) =>
        FluentActions.Invoking(() => DecisionGate.Decide(recallAt5, delta)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(0.0, 0.3, SuccessTier.None)]
    [InlineData(0.001, 0.05, SuccessTier.None)]
    [InlineData(0.001, 0.051, SuccessTier.Minimum)]
    [InlineData(0.05, 0.0999, SuccessTier.Minimum)]
    [InlineData(0.05, 0.10, SuccessTier.Good)]
    [InlineData(0.10, 0.149, SuccessTier.Good)]
    [InlineData(0.10, 0.15, SuccessTier.Strong)]
    public void Success_tiers_need_both_conditions(double recallAt5, double delta, SuccessTier expected) =>
        SuccessCriteria.Judge(recallAt5, delta).Should().Be(expected);
}
