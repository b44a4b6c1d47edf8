namespace Nvf.Gherkin.Model;

/// <summary>One runnable scenario: a Scenario, or one row of a Scenario Outline's Examples.</summary>
public sealed class ScenarioInfo
{
    internal ScenarioInfo(FeatureInfo feature, string name, string keyword, string description, int line, IReadOnlyList<Tag> tags, IReadOnlyList<StepInfo> steps)
    {
        Feature = feature;
        Name = name;
        Keyword = keyword;
        Description = description;
        Line = line;
        Tags = tags;
        Steps = steps;
    }

    /// <summary>The feature the scenario belongs to.</summary>
    public FeatureInfo Feature { get; }

    /// <summary>The scenario's name, outline placeholders substituted.</summary>
    public string Name { get; }

    /// <summary>The keyword as written (e.g. "Scenario", "Scenario Outline").</summary>
    public string Keyword { get; }

    /// <summary>The free text below the scenario line ("" when none).</summary>
    public string Description { get; }

    /// <summary>1-based line: the scenario line, or for an Examples row the row's line.</summary>
    public int Line { get; }

    /// <summary>Feature, scenario and Examples tags together, each once.</summary>
    public IReadOnlyList<Tag> Tags { get; }

    /// <summary>Background steps then the scenario's steps.</summary>
    public IReadOnlyList<StepInfo> Steps { get; }

    /// <summary>The Examples row's values by column (empty for a plain Scenario).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExampleValues { get; init; } = [];

    /// <summary>The name of the Rule the scenario belongs to ("" outside a Rule).</summary>
    public string Rule { get; init; } = "";

    /// <summary>The Examples block's name ("" when unnamed or for a plain Scenario).</summary>
    public string ExamplesName { get; init; } = "";

    /// <summary>1-based index of the row within its Examples block (0 for a plain Scenario).</summary>
    public int ExampleRow { get; init; }

    /// <summary>The pickle Cucumber's compiler made of the scenario (the Cucumber Messages report's); null for a run read back from results.json.</summary>
    internal Io.Cucumber.Messages.Types.Pickle? Pickle { get; init; }

    /// <summary>True when the scenario carries the tag (given with or without '@').</summary>
    /// <param name="tag">The tag to look for, e.g. "gate" or "@gate".</param>
    public bool HasTag(string tag) => Tags.Any(t => t.Name == tag.TrimStart('@'));

    /// <summary>The scenario's name, then "[column=value, …]" for an Examples row (prefixed by the Examples name when it has one).</summary>
    public string Title
    {
        get
        {
            if (ExampleValues.Count == 0)
            {
                return Name;
            }

            var values = string.Join(", ", ExampleValues.Select(p => $"{p.Key}={p.Value}"));
            return ExamplesName.Length == 0 ? $"{Name} [{values}]" : $"{Name} [{ExamplesName}: {values}]";
        }
    }

    /// <summary>The test name: "feature › title", unique within a feature.</summary>
    public string DisplayName => $"{Feature.Name} › {Title}";

    /// <summary>A Cucumber-style id: "feature;scenario" plus ";examples;row" for an Examples row.</summary>
    public string Id => ExampleRow == 0
        ? $"{Feature.Id};{Slug(Name)}"
        : $"{Feature.Id};{Slug(Name)};{Slug(ExamplesName)};{ExampleRow + 1}";

    internal static string Slug(string text) => text.Trim().ToLowerInvariant().Replace(' ', '-');
}
