using System.Collections.Concurrent;
using Gherkin;
using Gherkin.Ast;

namespace Nvf.Gherkin.Parsing;

/// <summary>
/// Cucumber's dialect provider re-reads its language table on every lookup (several ms per file);
/// the keywords of a language never change, so each is read once per process.
/// </summary>
internal sealed class CachedDialectProvider : IGherkinDialectProvider
{
    readonly GherkinDialectProvider inner = new("en");
    readonly ConcurrentDictionary<string, GherkinDialect> dialects = new();
    readonly Lazy<GherkinDialect> defaultDialect;

    public CachedDialectProvider() => defaultDialect = new(() => inner.DefaultDialect);

    public static CachedDialectProvider Instance { get; } = new();

    public GherkinDialect DefaultDialect => defaultDialect.Value;

    // A miss throws NoSuchLanguageException with the location, which the parser reports as file:line:column.
    public GherkinDialect GetDialect(string language, Location location) =>
        dialects.GetOrAdd(language, l => inner.GetDialect(l, location));
}
