using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Nvf.Gherkin.Model;
using Ast = Gherkin.Ast;
using Messages = Io.Cucumber.Messages.Types;

namespace Nvf.Gherkin.Parsing;

/// <summary>
/// Turns a parsed feature into runnable scenarios with Cucumber's own pickle compiler (Gherkin's
/// <c>PickleCompiler</c>: which scenarios and Examples rows run, their names, step texts, tables and DocStrings with
/// the placeholders substituted, their tags), then adds from the document what the reports need and a pickle does not
/// carry (keywords as written, Background origin, lines, the Examples values, the Rule). Every scenario keeps its
/// pickle, so the Cucumber Messages report pairs a result with its pickle by reference, never by file and line.
/// </summary>
internal static class FeatureCompiler
{
    public static FeatureInfo Compile(Ast.GherkinDocument parsed, string uri)
    {
        var feature = parsed.Feature;
        var dialect = CachedDialectProvider.Instance.GetDialect(feature.Language ?? "en", feature.Location);
        var background = feature.Children.OfType<Ast.Background>().FirstOrDefault();
        var info = new FeatureInfo(uri, feature.Name, feature.Keyword, Clean(feature.Description), feature.Location.Line, ToTags(feature.Tags),
            background?.Location.Line ?? 0, background?.Name ?? "");

        // Ids are unique across a run's features (the report puts every feature's document and pickles in one stream).
        var ids = new FeatureIdGenerator(uri);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(parsed, uri);
        var nodes = new DocumentNodes(document);
        info.Messages = document;
        info.Scenarios = new PickleCompiler(ids).Compile(document).Select(pickle => Scenario(dialect, info, nodes, pickle)).ToList();
        return info;
    }

    static ScenarioInfo Scenario(global::Gherkin.GherkinDialect dialect, FeatureInfo feature, DocumentNodes nodes, Messages.Pickle pickle)
    {
        var scenario = nodes.Scenarios[pickle.AstNodeIds[0]];
        var tags = new List<Tag>();
        foreach (var tag in pickle.Tags)
        {
            var name = tag.Name.TrimStart('@');
            if (tags.All(t => t.Name != name))
                tags.Add(new Tag(name, (int)nodes.TagLines[tag.AstNodeId]));
        }

        var steps = new List<StepInfo>();
        var previous = StepKind.Given;
        var inBackground = true;
        foreach (var pickleStep in pickle.Steps)
        {
            var (step, fromBackground) = nodes.Steps[pickleStep.AstNodeIds[0]];
            if (inBackground && !fromBackground)
            {
                // A scenario's first conjunction continues nothing of its own: Cucumber treats it as Given.
                previous = StepKind.Given;
                inBackground = false;
            }

            previous = KindOf(dialect, step.Keyword, previous);
            steps.Add(new StepInfo(step.Keyword, previous, pickleStep.Text, (int)step.Location.Line, Table(pickleStep, step), DocString(pickleStep, step), fromBackground));
        }

        if (pickle.AstNodeIds.Count < 2)
        {
            return new ScenarioInfo(feature, pickle.Name, scenario.Keyword, Clean(scenario.Description), (int)scenario.Location.Line, tags, steps)
            {
                Rule = nodes.RuleOf[scenario.Id],
                Pickle = pickle,
            };
        }

        var (examples, row, index) = nodes.Rows[pickle.AstNodeIds[1]];
        var values = examples.TableHeader.Cells.Zip(row.Cells, (h, v) => new KeyValuePair<string, string>(h.Value, v.Value)).ToList();
        return new ScenarioInfo(feature, pickle.Name, scenario.Keyword, Clean(scenario.Description), (int)row.Location.Line, tags, steps)
        {
            ExampleValues = values,
            ExamplesName = examples.Name ?? "",
            ExampleRow = index,
            Rule = nodes.RuleOf[scenario.Id],
            Pickle = pickle,
        };
    }

    static DataTable? Table(Messages.PickleStep pickleStep, Messages.Step step) =>
        pickleStep.Argument?.DataTable is { } table
            ? new DataTable(table.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList(), (int)step.DataTable.Location.Line)
            : null;

    static DocString? DocString(Messages.PickleStep pickleStep, Messages.Step step) =>
        pickleStep.Argument?.DocString is { } docString
            ? new DocString(docString.Content, docString.MediaType ?? "", (int)step.DocString.Location.Line)
            : null;

    // "* " is in every list, so it (like And/But) continues the previous kind.
    static StepKind KindOf(global::Gherkin.GherkinDialect dialect, string keyword, StepKind previous) =>
        keyword == "* " ? previous
            : dialect.GivenStepKeywords.Contains(keyword) ? StepKind.Given
            : dialect.WhenStepKeywords.Contains(keyword) ? StepKind.When
            : dialect.ThenStepKeywords.Contains(keyword) ? StepKind.Then
            : previous;

    static List<Tag> ToTags(IEnumerable<Ast.Tag>? tags) =>
        (tags ?? []).Select(t => new Tag(t.Name.TrimStart('@'), t.Location.Line)).ToList();

    // Gherkin keeps the description's indentation; reports show it as the author wrote it, minus the margin.
    static string Clean(string? description) =>
        description is null ? "" : string.Join("\n", description.Split('\n').Select(l => l.Trim()));

    /// <summary>The document's nodes by id: what a pickle's AST node ids point at.</summary>
    sealed class DocumentNodes
    {
        public Dictionary<string, Messages.Scenario> Scenarios { get; } = [];
        public Dictionary<string, (Messages.Step Step, bool FromBackground)> Steps { get; } = [];
        public Dictionary<string, (Messages.Examples Examples, Messages.TableRow Row, int Index)> Rows { get; } = [];
        public Dictionary<string, long> TagLines { get; } = [];
        public Dictionary<string, string> RuleOf { get; } = [];

        public DocumentNodes(Messages.GherkinDocument document)
        {
            var feature = document.Feature;
            Tags(feature.Tags);
            foreach (var child in feature.Children)
            {
                Background(child.Background);
                Scenario(child.Scenario, "");
                if (child.Rule is { } rule)
                {
                    Tags(rule.Tags);
                    foreach (var ruleChild in rule.Children)
                    {
                        Background(ruleChild.Background);
                        Scenario(ruleChild.Scenario, rule.Name);
                    }
                }
            }
        }

        void Background(Messages.Background? background)
        {
            foreach (var step in background?.Steps ?? [])
                Steps[step.Id] = (step, true);
        }

        void Scenario(Messages.Scenario? scenario, string rule)
        {
            if (scenario is null)
                return;
            Scenarios[scenario.Id] = scenario;
            RuleOf[scenario.Id] = rule;
            Tags(scenario.Tags);
            foreach (var step in scenario.Steps)
                Steps[step.Id] = (step, false);
            foreach (var examples in scenario.Examples ?? [])
            {
                Tags(examples.Tags);
                var index = 0;
                foreach (var row in examples.TableBody ?? [])
                    Rows[row.Id] = (examples, row, ++index);
            }
        }

        void Tags(IEnumerable<Messages.Tag>? tags)
        {
            foreach (var tag in tags ?? [])
                TagLines[tag.Id] = tag.Location.Line;
        }
    }

    /// <summary>Node and pickle ids "uri#n": unique across the features of a run, the same on every parse of a file.</summary>
    sealed class FeatureIdGenerator(string uri) : IIdGenerator
    {
        private int _next;

        public string GetNewId() => $"{uri}#{_next++}";
    }
}
