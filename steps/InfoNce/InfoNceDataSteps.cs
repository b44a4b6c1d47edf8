using System.Globalization;
using FluentAssertions;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Gherkin.Running;
using Reqnroll;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Givens of the InfoNCE features: the data, the index, and the broken copies the negative controls use.</summary>
[Binding]
public sealed class InfoNceDataSteps(InfoNceContext context)
{
    [Given("the payload and eval set of the run configuration {string}")]
    public void GivenTheRunConfiguration(string configFileName)
    {
        context.Open(configFileName);
        context.Scenario.AttachText("Data", context.Session.Data.Source);
        var isControl = context.Config.Targets == Core.Artifacts.TrainingTargets.Shuffled || context.Config.Retrieval.Fault != Core.Artifacts.IndexFault.None;
        if (isControl && context.Session.Data.Generators.Count == 0)
        {
            ScenarioEvidence.Skip(
                $"{configFileName} is a control of the harness defined on its generated data (whether one epoch learns enough to reach its branch depends on that corpus); " +
                "it does not run on a researcher's files (NVF_ARTIFACTS / NVF_PAYLOAD ...): run without them");
        }
    }

    [Given("an IVF-Flat inner-product index over the payload, nprobe {int}")]
    public void GivenTheIndex(int nprobe)
    {
        context.Config.Retrieval.Nprobe.Should().Be(nprobe, "the run config sets the nprobe the feature states");
        var index = context.Session.Index;
        context.Scenario.AttachText("Index", $"{context.Session.IndexDescription}: {index.Count:N0} vectors, built or read in {context.Session.IndexSeconds:F1} s");
    }

    [Given("an IVF-Flat inner-product index over the first {word} payload vectors, nprobe {int}, with ids shifted by one")]
    public void GivenTheShiftedIdsIndex(string rows, int nprobe) => Control(Count(rows), nprobe, OracleIndexVariant.IdsShiftedByOne);

    [Given("an IVF-Flat inner-product index over the first {word} payload vectors scaled by random norms, nprobe {int}")]
    public void GivenTheScaledIndex(string rows, int nprobe) => Control(Count(rows), nprobe, OracleIndexVariant.UnnormalizedInnerProduct);

    [Given("the first {word} payload vectors scaled by random norms")]
    public void GivenTheScaledPayload(string rows)
    {
        context.Config.Retrieval.ControlRows.Should().Be(Count(rows), "the run config sets the control slice the feature states");
        context.PayloadScaled = true;
    }

    [Given("the index is stale: built from the payload in an earlier row order")]
    public void GivenStaleIndex() =>
        context.Config.Retrieval.Fault.Should().Be(Core.Artifacts.IndexFault.StaleRowOrder, "the run config puts the fault the feature states into the index");

    [Given("the eval truth keys shifted by one chunk")]
    public void GivenShiftedKeys() => context.KeysShifted = true;

    // "50,000" as the seed writes counts.
    static int Count(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    void Control(int rows, int nprobe, OracleIndexVariant variant)
    {
        context.Config.Retrieval.ControlRows.Should().Be(rows, "the run config sets the control slice the feature states");
        context.Config.Retrieval.Nprobe.Should().Be(nprobe, "the run config sets the nprobe the feature states");
        context.OracleVariant = variant;
    }
}
