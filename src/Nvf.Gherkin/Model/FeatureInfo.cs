namespace Nvf.Gherkin.Model;

/// <summary>A parsed and compiled .feature file.</summary>
public sealed class FeatureInfo
{
    internal FeatureInfo(string uri, string name, string keyword, string description, int line, IReadOnlyList<Tag> tags, int backgroundLine, string backgroundName)
    {
        Uri = uri;
        Name = name;
        Keyword = keyword;
        Description = description;
        Line = line;
        Tags = tags;
        BackgroundLine = backgroundLine;
        BackgroundName = backgroundName;
    }

    /// <summary>The file's path relative to the features folder, with '/' separators (e.g. "nvf/attention.feature").</summary>
    public string Uri { get; }

    /// <summary>The feature's name.</summary>
    public string Name { get; }

    /// <summary>The keyword as written (e.g. "Feature").</summary>
    public string Keyword { get; }

    /// <summary>The free text below the feature line ("" when none).</summary>
    public string Description { get; }

    /// <summary>1-based line of the feature line.</summary>
    public int Line { get; }

    /// <summary>The feature's own tags.</summary>
    public IReadOnlyList<Tag> Tags { get; }

    /// <summary>1-based line of the Background, or 0 when the feature has none.</summary>
    public int BackgroundLine { get; }

    /// <summary>The Background's name ("" when unnamed or absent).</summary>
    public string BackgroundName { get; }

    /// <summary>The compiled scenarios, one per Scenario and one per Examples row, in file order.</summary>
    public IReadOnlyList<ScenarioInfo> Scenarios { get; internal set; } = [];

    /// <summary>The file's text as parsed (the Cucumber Messages "source").</summary>
    public string SourceText { get; internal set; } = "";

    /// <summary>The parser's document, for Cucumber Messages (gherkinDocument, pickles).</summary>
    internal global::Gherkin.Ast.GherkinDocument? Document { get; set; }

    /// <summary>The document as a Cucumber message (the report's gherkinDocument; the scenarios' pickles point into it); null for a run read back from results.json.</summary>
    internal Io.Cucumber.Messages.Types.GherkinDocument? Messages { get; set; }

    /// <summary>A Cucumber-style id: the name lower-cased with spaces turned into '-'.</summary>
    public string Id => ScenarioInfo.Slug(Name);
}
