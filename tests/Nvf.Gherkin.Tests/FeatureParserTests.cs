using FluentAssertions;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Parsing;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class FeatureParserTests
{
    const string Sample = """
        @nvf
        Feature: Soft attention
          The seed's current state, reproduced.

          Background: a database
            Given the number 1
            And the number 2

          @gate
          Scenario Outline: Accuracy at <k>
            A description of the outline.
            When I add <a> and <b>
            But the total is <sum>
            Then the scenario is called "Accuracy at <k>"

            @fast
            Examples: small
              | k | a | b | sum |
              | 1 | 1 | 2 | 6   |
              | 5 | 2 | 2 | 7   |

          Scenario: Table and text
            Given these index cases:
              | name | kind     | recall | budget |
              | ivf  | ivf flat | 95.2%  | 250ms  |
            And this text:
              ```json
              {"a": 1}
              ```
        """;

    [Fact]
    public void Every_examples_row_is_its_own_scenario_with_values_in_its_name()
    {
        var feature = FeatureParser.Parse(Sample, "nvf/attention.feature");

        feature.Scenarios.Select(s => s.DisplayName).Should().Equal(
            "Soft attention › Accuracy at 1 [small: k=1, a=1, b=2, sum=6]",
            "Soft attention › Accuracy at 5 [small: k=5, a=2, b=2, sum=7]",
            "Soft attention › Table and text");
        feature.Scenarios[1].Line.Should().Be(20, "an Examples row is located at its own line");
        feature.Scenarios[1].Id.Should().Be("soft-attention;accuracy-at-5;small;3");
    }

    [Fact]
    public void Background_steps_come_first_and_conjunctions_take_the_previous_kind()
    {
        var steps = FeatureParser.Parse(Sample, "a.feature").Scenarios[0].Steps;

        steps.Select(s => (s.Keyword.Trim(), s.Kind, s.FromBackground)).Should().Equal(
            ("Given", StepKind.Given, true), ("And", StepKind.Given, true),
            ("When", StepKind.When, false), ("But", StepKind.When, false), ("Then", StepKind.Then, false));
        steps[2].Text.Should().Be("I add 1 and 2", "placeholders are substituted");
    }

    [Fact]
    public void Tags_of_feature_scenario_and_examples_are_merged()
    {
        var scenario = FeatureParser.Parse(Sample, "a.feature").Scenarios[0];

        scenario.Tags.Select(t => t.Name).Should().Equal("nvf", "gate", "fast");
        scenario.HasTag("@gate").Should().BeTrue();
    }

    [Fact]
    public void Tables_docstrings_and_descriptions_are_kept()
    {
        var feature = FeatureParser.Parse(Sample, "a.feature");
        var steps = feature.Scenarios[2].Steps;

        feature.Description.Should().Be("The seed's current state, reproduced.");
        feature.Scenarios[0].Description.Should().Be("A description of the outline.");
        steps[2].Table!.Header.Should().Equal("name", "kind", "recall", "budget");
        steps[2].Table!.Rows.Single().Should().Equal("ivf", "ivf flat", "95.2%", "250ms");
        steps[3].DocString.Should().Be(new DocString("{\"a\": 1}", "json", 27));
    }

    [Fact]
    public void A_syntax_error_is_reported_with_file_line_and_column()
    {
        var text = "Feature: Broken\n  Scenario: one\n    Given a step\n  Oops, not a step\n";

        var error = FluentActions.Invoking(() => FeatureParser.Parse(text, "broken.feature"))
            .Should().Throw<FeatureParseException>().Which;

        error.Errors.Should().ContainSingle().Which.Should().Match<FeatureParseError>(e => e.Line == 4 && e.Column == 3);
        error.Message.Should().StartWith("broken.feature:4:3: expected:");
    }

    [Fact]
    public void A_rule_groups_scenarios_and_adds_its_tags_and_background()
    {
        var text = """
            @f
            Feature: Tiers
              Background:
                Given the feature's background
              Scenario: outside
                Then no rule
              @r
              Rule: Good needs R@5 of 5%
                Background:
                  Given the rule's background
                Scenario: good
                  Then it is good
            """;

        var feature = FeatureParser.Parse(text, "rules.feature");

        var good = feature.Scenarios.Single(s => s.Name == "good");
        good.Rule.Should().Be("Good needs R@5 of 5%");
        good.Steps.Select(s => s.Text).Should().Equal("the feature's background", "the rule's background", "it is good");
        good.Steps.Take(2).Should().OnlyContain(s => s.FromBackground);
        var outside = feature.Scenarios.Single(s => s.Name == "outside");
        outside.Rule.Should().BeEmpty();
        outside.Steps.Select(s => s.Text).Should().Equal("the feature's background", "no rule");
        good.HasTag("f").Should().BeTrue();
        good.HasTag("r").Should().BeTrue("a rule's tags apply to its scenarios");
        outside.HasTag("r").Should().BeFalse();
    }

    [Fact]
    public void Duplicate_scenario_names_are_refused()
    {
        var text = "Feature: Twice\n  Scenario: same\n    Given a\n  Scenario: same\n    Given b\n";

        FluentActions.Invoking(() => FeatureParser.Parse(text, "twice.feature"))
            .Should().Throw<FeatureParseException>()
            .WithMessage("twice.feature:4:0: duplicate scenario name 'same' (first at line 2)*");
    }

    [Fact]
    public void A_file_without_a_feature_is_refused() =>
        FluentActions.Invoking(() => FeatureParser.Parse("# only a comment\n", "empty.feature"))
            .Should().Throw<FeatureParseException>().WithMessage("empty.feature:1:1: no 'Feature:' line*");

    [Fact]
    public void A_catalog_keeps_good_files_and_lists_refused_ones()
    {
        var folder = Directory.CreateTempSubdirectory("nvf-gherkin-catalog-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            File.WriteAllText(Path.Combine(folder, "sub", "good.feature"), "Feature: Good\n  Scenario: s\n    Given a\n");
            File.WriteAllText(Path.Combine(folder, "bad.feature"), "Feature: Bad\n  Scenario: s\n    Given a\n  Nonsense here\n Scenario: s\n");

            var catalog = FeatureCatalog.Load(folder);

            catalog.Features.Select(f => f.Uri).Should().Equal("sub/good.feature");
            catalog.RefusedFiles.Keys.Should().Equal("bad.feature");
            catalog.Find("sub/good.feature", "s").Should().NotBeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    [Fact]
    public void Every_scenario_carries_the_pickle_cucumbers_compiler_made_of_it()
    {
        const string text = """"
            @outer
            Feature: Pickles
              Background:
                Given the number 1

              Rule: a rule with its own background
                Background:
                  * the number 2

                @inner @outer
                Scenario Outline: Sum <a>
                  When I add <a> and <b>
                    | <a> | <b> |
                  Then the text is:
                    """
                    <a> plus <b>
                    """

                  @first
                  Examples: one
                    | a | b |
                    | 1 | 2 |
                  Examples: two
                    | a | b |
                    | 3 | 4 |
                    | 5 | 6 |
            """";

        var feature = FeatureParser.Parse(text, "p.feature");
        var again = FeatureParser.Parse(text, "q.feature");

        feature.Scenarios.Should().HaveCount(3);
        foreach (var scenario in feature.Scenarios)
        {
            var pickle = scenario.Pickle!;
            pickle.Name.Should().Be(scenario.Name);
            pickle.Uri.Should().Be("p.feature");
            pickle.Steps.Select(s => s.Text).Should().Equal(scenario.Steps.Select(s => s.Text), "the steps are the pickle's, Backgrounds first");
            scenario.Steps.Select(s => s.FromBackground).Should().Equal(true, true, false, false);
            scenario.Rule.Should().Be("a rule with its own background");
        }

        var last = feature.Scenarios[2];
        last.Name.Should().Be("Sum 5");
        last.ExamplesName.Should().Be("two");
        last.ExampleRow.Should().Be(2);
        last.Line.Should().Be(26);
        last.Steps[2].Table!.AllRows.Should().ContainSingle().Which.Should().Equal("5", "6");
        last.Steps[3].DocString!.Content.Should().Be("5 plus 6");
        last.Steps[1].Kind.Should().Be(StepKind.Given, "'*' in a Background continues the Given before it");
        feature.Scenarios[0].Tags.Select(t => t.Name).Should().Equal("outer", "inner", "first");
        feature.Scenarios[1].Tags.Select(t => t.Name).Should().Equal("outer", "inner");
        feature.Messages!.Uri.Should().Be("p.feature");
        var ids = feature.Scenarios.SelectMany(s => s.Pickle!.Steps.Select(t => t.Id).Append(s.Pickle.Id)).ToList();
        ids.Should().OnlyHaveUniqueItems();
        ids.Should().NotIntersectWith(again.Scenarios.SelectMany(s => s.Pickle!.Steps.Select(t => t.Id).Append(s.Pickle.Id)),
            "two features' ids never meet in one report");
    }
}
