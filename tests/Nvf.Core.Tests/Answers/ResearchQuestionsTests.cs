using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Baselines;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Answers;

/// <summary>The catalogue of the research notes' questions stays consistent with the features and the committed baseline.</summary>
public sealed class ResearchQuestionsTests
{
    [Fact]
    public void Every_headline_metric_is_a_metric_of_the_committed_baseline()
    {
        var baseline = Baseline.Load(Baseline.PathFor(RepositoryRoot.Path, "gate"));
        var missing = ResearchQuestions.All.SelectMany(q => q.Metrics).Where(m => !baseline.Metrics.ContainsKey(m)).ToList();
        missing.Should().BeEmpty("a renamed metric must be renamed in the catalogue too, or its trend disappears");
    }

    [Fact]
    public void Ids_are_unique_and_every_answering_scenario_exists_in_its_feature()
    {
        ResearchQuestions.All.Select(q => q.Id).Should().OnlyHaveUniqueItems();
        foreach (var question in ResearchQuestions.All)
        {
            var feature = Path.Combine(RepositoryRoot.Path, "features", question.Feature);
            File.Exists(feature).Should().BeTrue($"{question.Id} names {feature}");
            File.ReadAllLines(feature).Select(l => l.Trim()).Where(l => l.StartsWith("Scenario", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .Should().Contain(t => t.StartsWith(question.Scenario, StringComparison.Ordinal), $"{question.Id} is answered by a scenario of {question.Feature}");
        }
    }
}
