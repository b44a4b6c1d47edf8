using System.Text.RegularExpressions;
using Nvf.Gherkin.Model;
using Ast = Gherkin.Ast;

namespace Nvf.Gherkin.Parsing;

/// <summary>Parses Gherkin text with Cucumber's parser and compiles it to runnable scenarios.</summary>
public static partial class FeatureParser
{

    /// <summary>Parses and compiles a .feature file.</summary>
    /// <param name="path">The file to read (UTF-8).</param>
    /// <param name="uri">The name used in errors and reports, usually the path relative to the features folder.</param>
    /// <exception cref="FeatureParseException">Syntax errors or duplicate scenario names, each with file:line:column.</exception>
    public static FeatureInfo ParseFile(string path, string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), uri);
    }

    /// <summary>Parses and compiles Gherkin text.</summary>
    /// <param name="text">The whole content of a .feature file.</param>
    /// <param name="uri">The name used in errors and reports.</param>
    /// <exception cref="FeatureParseException">Syntax errors or duplicate scenario names, each with file:line:column.</exception>
    public static FeatureInfo Parse(string text, string uri)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(uri);
        Ast.GherkinDocument document;
        try
        {
            using var reader = new StringReader(text);
            document = new global::Gherkin.Parser().Parse(new global::Gherkin.TokenScanner(reader), new global::Gherkin.TokenMatcher(CachedDialectProvider.Instance));
        }
        catch (global::Gherkin.CompositeParserException composite)
        {
            throw new FeatureParseException(composite.Errors.Select(e => ToError(e, uri)).ToList());
        }
        catch (global::Gherkin.ParserException single)
        {
            throw new FeatureParseException([ToError(single, uri)]);
        }

        if (document.Feature is null)
        {
            throw new FeatureParseException([new FeatureParseError(uri, 1, 1, "no 'Feature:' line found; expected a file that starts with 'Feature: <name>'")]);
        }

        var feature = FeatureCompiler.Compile(document, uri);
        feature.SourceText = text;
        feature.Document = document;
        var duplicates = feature.Scenarios
            .GroupBy(s => s.Title)
            .Where(g => g.Count() > 1)
            .Select(g => new FeatureParseError(uri, g.ElementAt(1).Line, 0,
                $"duplicate scenario name '{g.Key}' (first at line {g.First().Line}); expected every scenario and Examples row to have its own name"))
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new FeatureParseException(duplicates);
        }

        return feature;
    }

    static FeatureParseError ToError(global::Gherkin.ParserException error, string uri)
    {
        // Cucumber's messages start with "(line:column): "; the location is reported separately.
        var message = LocationPrefix().Replace(error.Message, "");
        var location = error.Location;
        return new FeatureParseError(uri, location?.Line ?? 0, location?.Column ?? 0, message);
    }

    [GeneratedRegex(@"^\(\d+:\d+\):\s*")]
    private static partial Regex LocationPrefix();
}
