using System.Collections.Concurrent;
using Gherkin;
using Gherkin.Ast;

namespace Nvf.Gherkin.Parsing;

/// <summary>
/// Cucumber's dialect provider deserializes its whole 70-language table on first use (~150 ms of CPU, measured
/// by the Gherkin bench) and again on every lookup (several ms per file). English, the language of this
/// project's features, is built here from its keywords; other languages come from Cucumber's table, each once.
/// </summary>
internal sealed class CachedDialectProvider : IGherkinDialectProvider
{
    readonly Lazy<GherkinDialectProvider> cucumber = new(() => new GherkinDialectProvider("en"));
    readonly ConcurrentDictionary<string, GherkinDialect> dialects = new() { ["en"] = English };

    /// <summary>Gherkin's English keywords, as in Cucumber's gherkin-languages.json (a test compares the two).</summary>
    public static GherkinDialect English { get; } = new(
        "en",
        ["Feature", "Business Need", "Ability"],
        ["Rule"],
        ["Background"],
        ["Example", "Scenario"],
        ["Scenario Outline", "Scenario Template"],
        ["Examples", "Scenarios"],
        ["* ", "Given "],
        ["* ", "When "],
        ["* ", "Then "],
        ["* ", "And "],
        ["* ", "But "]);

    // Declared after English: static initializers run in text order, and the instance needs English.
    public static CachedDialectProvider Instance { get; } = new();

    public GherkinDialect DefaultDialect => English;

    // A language Cucumber does not know throws NoSuchLanguageException with its location: reported as file:line:column.
    public GherkinDialect GetDialect(string language, Location? location) =>
        dialects.GetOrAdd(language, l => cucumber.Value.GetDialect(l, location));

    /// <summary>Cucumber's own English dialect, read from its table (for the test that compares keywords).</summary>
    public GherkinDialect CucumberEnglish() => cucumber.Value.GetDialect("en", new Location(1, 1));
}
