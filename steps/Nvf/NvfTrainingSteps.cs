using Nvf.Core.Configs;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Training both stages from the run configs in fixtures/configs/ (memoised: each (data, config) trains once per run).</summary>
[Binding]
public sealed class NvfTrainingSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [Given("a soft attention model trained with the config {string}, then frozen")]
    [When("the soft attention model is trained with the config {string}")]
    public void TrainSoftAttention(string file) =>
        TrainSoftAttention(SoftAttentionConfig.Load(ConfigDirectory.PathOf(file)));

    [When("^the soft attention model is trained with the config \"([^\"]+)\" and the seed's loss log\\(softmax \\+ 1e-10\\)$")]
    public void TrainSoftAttentionWithSeedLoss(string file) =>
        TrainSoftAttention(SoftAttentionConfig.Load(ConfigDirectory.PathOf(file)) with { Loss = SoftAttentionLoss.SeedLogSoftmax });

    [Given("the {string} reranker is trained with the config {string}")]
    [When("the {string} reranker is trained with the config {string}")]
    public void TrainReranker(RerankerDesign design, string file)
    {
        scenario.Reranker = scenario.Models.Reranker(scenario.SoftAttention, design, RerankerConfig.Load(ConfigDirectory.PathOf(file)), context.TrainingProgress(), context.StatusProgress());
        context.Attach(scenario.Reranker.Curve);
    }

    [When("both stages are fine-tuned jointly with the config {string}")]
    public void FineTuneJointly(string file)
    {
        var separate = scenario.Reranker ?? throw new InvalidOperationException("No separately trained reranker; expected a reranker training step first.");
        scenario.Joint = scenario.Models.Joint(separate, JointFineTuneConfig.Load(ConfigDirectory.PathOf(file)), context.TrainingProgress(), context.StatusProgress());
        context.Attach(scenario.Joint.Curve);
    }

    void TrainSoftAttention(SoftAttentionConfig config)
    {
        scenario.SoftAttention = scenario.Models.SoftAttention(scenario.Database, config, context.TrainingProgress(), context.StatusProgress());
        context.Attach(scenario.SoftAttention.Curve);
    }
}
