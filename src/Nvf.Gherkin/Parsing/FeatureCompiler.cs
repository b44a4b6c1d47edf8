using Nvf.Gherkin.Model;
using Ast = Gherkin.Ast;

namespace Nvf.Gherkin.Parsing;

/// <summary>
/// Turns Cucumber's AST into runnable scenarios, as Cucumber's pickle compiler does, but keeps what the
/// reports need (keywords as written, Background origin, Examples values).
/// </summary>
internal static class FeatureCompiler
{
    public static FeatureInfo Compile(Ast.Feature feature, string uri)
    {
        var dialect = CachedDialectProvider.Instance.GetDialect(feature.Language ?? "en", feature.Location);
        var background = feature.Children.OfType<Ast.Background>().FirstOrDefault();
        var featureTags = ToTags(feature.Tags);
        var info = new FeatureInfo(uri, feature.Name, feature.Keyword, Clean(feature.Description), feature.Location.Line, featureTags,
            background?.Location.Line ?? 0, background?.Name ?? "");
        var scenarios = new List<ScenarioInfo>();
        var backgrounds = background is null ? new List<Ast.Background>() : [background];
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Ast.Scenario scenario:
                    scenarios.AddRange(CompileScenario(dialect, info, featureTags, backgrounds, scenario, ""));
                    break;
                case Ast.Rule rule:
                    // A Rule groups scenarios under a business rule: its tags and its Background add to the feature's.
                    var ruleTags = Merge(featureTags, ToTags(rule.Tags));
                    var ruleBackgrounds = backgrounds.Concat(rule.Children.OfType<Ast.Background>()).ToList();
                    foreach (var scenario in rule.Children.OfType<Ast.Scenario>())
                        scenarios.AddRange(CompileScenario(dialect, info, ruleTags, ruleBackgrounds, scenario, rule.Name));
                    break;
            }
        }

        info.Scenarios = scenarios;
        return info;
    }

    static IEnumerable<ScenarioInfo> CompileScenario(global::Gherkin.GherkinDialect dialect, FeatureInfo feature, IReadOnlyList<Tag> outerTags, IReadOnlyList<Ast.Background> backgrounds, Ast.Scenario scenario, string rule)
    {
        var examplesBlocks = scenario.Examples?.ToList() ?? [];
        if (examplesBlocks.Count == 0)
        {
            yield return new ScenarioInfo(feature, scenario.Name, scenario.Keyword, Clean(scenario.Description), scenario.Location.Line,
                Merge(outerTags, ToTags(scenario.Tags)), CompileSteps(dialect, backgrounds, scenario.Steps, [])) { Rule = rule };
            yield break;
        }

        foreach (var examples in examplesBlocks)
        {
            if (examples.TableHeader is null)
            {
                continue;
            }

            var header = examples.TableHeader.Cells.Select(c => c.Value).ToList();
            var tags = Merge(Merge(outerTags, ToTags(scenario.Tags)), ToTags(examples.Tags));
            var index = 0;
            foreach (var row in examples.TableBody ?? [])
            {
                index++;
                var values = header.Zip(row.Cells.Select(c => c.Value), (h, v) => new KeyValuePair<string, string>(h, v)).ToList();
                yield return new ScenarioInfo(feature, Substitute(scenario.Name, values), scenario.Keyword, Clean(scenario.Description), row.Location.Line,
                    tags, CompileSteps(dialect, backgrounds, scenario.Steps, values))
                {
                    ExampleValues = values,
                    ExamplesName = examples.Name ?? "",
                    ExampleRow = index,
                    Rule = rule,
                };
            }
        }
    }

    static List<StepInfo> CompileSteps(global::Gherkin.GherkinDialect dialect, IReadOnlyList<Ast.Background> backgrounds, IEnumerable<Ast.Step> steps, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var result = new List<StepInfo>();
        var previous = StepKind.Given;
        foreach (var background in backgrounds)
        {
            foreach (var step in background.Steps)
            {
                previous = KindOf(dialect, step.Keyword, previous);
                result.Add(CompileStep(step, previous, [], fromBackground: true));
            }
        }

        // A scenario's first conjunction continues nothing of its own: Cucumber treats it as Given.
        previous = StepKind.Given;
        foreach (var step in steps)
        {
            previous = KindOf(dialect, step.Keyword, previous);
            result.Add(CompileStep(step, previous, values, fromBackground: false));
        }

        return result;
    }

    static StepInfo CompileStep(Ast.Step step, StepKind kind, IReadOnlyList<KeyValuePair<string, string>> values, bool fromBackground)
    {
        DataTable? table = null;
        DocString? docString = null;
        if (step.DataTable is { } t)
        {
            table = new DataTable(t.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Substitute(c.Value, values)).ToList()).ToList(),
                t.Location.Line);
        }
        else if (step.DocString is { } d)
        {
            docString = new DocString(Substitute(d.Content, values), d.ContentType ?? "", d.Location.Line);
        }

        return new StepInfo(step.Keyword, kind, Substitute(step.Text, values), step.Location.Line, table, docString, fromBackground);
    }

    // "* " is in every list, so it (like And/But) continues the previous kind.
    static StepKind KindOf(global::Gherkin.GherkinDialect dialect, string keyword, StepKind previous) =>
        keyword == "* " ? previous
            : dialect.GivenStepKeywords.Contains(keyword) ? StepKind.Given
            : dialect.WhenStepKeywords.Contains(keyword) ? StepKind.When
            : dialect.ThenStepKeywords.Contains(keyword) ? StepKind.Then
            : previous;

    static string Substitute(string text, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace($"<{name}>", value, StringComparison.Ordinal);
        }

        return text;
    }

    static List<Tag> ToTags(IEnumerable<Ast.Tag>? tags) =>
        (tags ?? []).Select(t => new Tag(t.Name.TrimStart('@'), t.Location.Line)).ToList();

    static List<Tag> Merge(IReadOnlyList<Tag> outer, IReadOnlyList<Tag> inner) =>
        outer.Concat(inner.Where(t => outer.All(o => o.Name != t.Name))).ToList();

    // Gherkin keeps the description's indentation; reports show it as the author wrote it, minus the margin.
    static string Clean(string? description) =>
        description is null ? "" : string.Join("\n", description.Split('\n').Select(l => l.Trim()));
}
