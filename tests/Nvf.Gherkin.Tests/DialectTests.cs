using FluentAssertions;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Parsing;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class DialectTests
{
    [Fact]
    public void The_built_in_english_keywords_are_cucumbers()
    {
        var ours = CachedDialectProvider.English;
        var cucumber = CachedDialectProvider.Instance.CucumberEnglish();

        ours.FeatureKeywords.Should().BeEquivalentTo(cucumber.FeatureKeywords);
        ours.RuleKeywords.Should().BeEquivalentTo(cucumber.RuleKeywords);
        ours.BackgroundKeywords.Should().BeEquivalentTo(cucumber.BackgroundKeywords);
        ours.ScenarioKeywords.Should().BeEquivalentTo(cucumber.ScenarioKeywords);
        ours.ScenarioOutlineKeywords.Should().BeEquivalentTo(cucumber.ScenarioOutlineKeywords);
        ours.ExamplesKeywords.Should().BeEquivalentTo(cucumber.ExamplesKeywords);
        ours.StepKeywords.Should().BeEquivalentTo(cucumber.StepKeywords);
    }

    [Fact]
    public void Other_languages_still_parse_through_cucumbers_table()
    {
        var feature = FeatureParser.Parse("# language: fr\nFonctionnalité: Rappel\n  Scénario: oracle\n    Soit un index\n    Alors R@1 vaut 95.2%\n", "fr.feature");

        feature.Scenarios.Single().Steps.Select(s => s.Kind).Should().Equal(StepKind.Given, StepKind.Then);
    }

    [Fact]
    public void An_unknown_language_is_refused_with_its_location() =>
        FluentActions.Invoking(() => FeatureParser.Parse("# language: xx-nope\nFeature: F\n", "xx.feature"))
            .Should().Throw<FeatureParseException>().WithMessage("xx.feature:1:1: *xx-nope*");
}
