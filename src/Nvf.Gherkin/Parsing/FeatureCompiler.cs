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
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Ast.Scenario scenario:
                    scenarios.Add(new ScenarioInfo(info, scenario.Name, scenario.Keyword, Clean(scenario.Description), scenario.Location.Line,
                        Merge(featureTags, ToTags(scenario.Tags)), CompileSteps(dialect, background, scenario.Steps, [])));
                    break;
                case Ast.ScenarioOutline outline:
                    scenarios.AddRange(Expand(dialect, info, featureTags, background, outline));
                    break;
            }
        }

        info.Scenarios = scenarios;
        return info;
    }

    static IEnumerable<ScenarioInfo> Expand(global::Gherkin.GherkinDialect dialect, FeatureInfo feature, IReadOnlyList<Tag> featureTags, Ast.Background? background, Ast.ScenarioOutline outline)
    {
        foreach (var examples in outline.Examples)
        {
            if (examples.TableHeader is null)
            {
                continue;
            }

            var header = examples.TableHeader.Cells.Select(c => c.Value).ToList();
            var tags = Merge(Merge(featureTags, ToTags(outline.Tags)), ToTags(examples.Tags));
            var index = 0;
            foreach (var row in examples.TableBody ?? [])
            {
                index++;
                var values = header.Zip(row.Cells.Select(c => c.Value), (h, v) => new KeyValuePair<string, string>(h, v)).ToList();
                yield return new ScenarioInfo(feature, Substitute(outline.Name, values), outline.Keyword, Clean(outline.Description), row.Location.Line,
                    tags, CompileSteps(dialect, background, outline.Steps, values))
                {
                    ExampleValues = values,
                    ExamplesName = examples.Name ?? "",
                    ExampleRow = index,
                };
            }
        }
    }

    static List<StepInfo> CompileSteps(global::Gherkin.GherkinDialect dialect, Ast.Background? background, IEnumerable<Ast.Step> steps, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var result = new List<StepInfo>();
        var previous = StepKind.Given;
        if (background is not null)
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
        switch (step.Argument)
        {
            case Ast.DataTable t:
                table = new DataTable(t.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Substitute(c.Value, values)).ToList()).ToList(),
                    t.Location.Line);
                break;
            case Ast.DocString d:
                docString = new DocString(Substitute(d.Content, values), d.ContentType ?? "", d.Location.Line);
                break;
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
