using FluentAssertions;
using Reqnroll;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>Smoke checks of the acceptance run itself: the features folder is where the runner looks, and every file compiles.</summary>
[Binding]
public sealed class FeatureFolderSteps(ScenarioEvidence context)
{
    FeatureCatalog? catalog;

    [Given("the features folder of this run")]
    public void GivenTheFeaturesFolder() =>
        catalog = FeatureCatalog.Load(Path.Combine(AppContext.BaseDirectory, "features"));

    [Then("it holds the feature file of this scenario")]
    public void ThenItHoldsThisFeature() =>
        Catalog.Features.Select(f => f.Uri).Should().Contain(context.Feature.Uri);

    [Then("every feature file compiles")]
    public void ThenEveryFeatureCompiles()
    {
        context.AttachTable("Feature files", ["File", "Scenarios", "Status"],
            Catalog.Features.Select(f => (IReadOnlyList<string>)[f.Uri, f.Scenarios.Count.ToString(), "✅ PASS"])
                .Concat(Catalog.RefusedFiles.Select(r => (IReadOnlyList<string>)[r.Key, "0", "❌ FAIL"]))
                .ToList());
        Catalog.RefusedFiles.Should().BeEmpty("every .feature under features/ must compile");
    }

    FeatureCatalog Catalog => catalog ?? throw new InvalidOperationException("No features folder loaded; expected the step 'the features folder of this run' first.");
}
