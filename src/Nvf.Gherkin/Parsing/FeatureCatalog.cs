using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Parsing;

/// <summary>Every .feature file under a folder, compiled, plus the files that were refused.</summary>
public sealed class FeatureCatalog
{
    FeatureCatalog(string root, IReadOnlyList<FeatureInfo> features, IReadOnlyList<FeatureParseException> errors, IReadOnlyDictionary<string, string> refused)
    {
        Root = root;
        Features = features;
        Errors = errors;
        RefusedFiles = refused;
    }

    /// <summary>The absolute path of the features folder.</summary>
    public string Root { get; }

    /// <summary>The features that compiled, ordered by path.</summary>
    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>One exception per refused file, ordered by path.</summary>
    public IReadOnlyList<FeatureParseException> Errors { get; }

    /// <summary>Refused files: uri to the errors' text ("file:line:column: message" lines).</summary>
    public IReadOnlyDictionary<string, string> RefusedFiles { get; }

    /// <summary>Reads every *.feature file under <paramref name="root"/> (recursively).</summary>
    /// <param name="root">The features folder; it must exist.</param>
    public static FeatureCatalog Load(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Features folder '{full}' does not exist; expected the folder named by [assembly: GherkinFeatures] to be copied to the output.");
        }

        var features = new List<FeatureInfo>();
        var errors = new List<FeatureParseException>();
        var refused = new Dictionary<string, string>();
        var files = Directory.EnumerateFiles(full, "*.feature", SearchOption.AllDirectories)
            .Select(f => (File: f, Uri: Path.GetRelativePath(full, f).Replace('\\', '/')))
            .OrderBy(f => f.Uri, StringComparer.Ordinal);
        foreach (var (file, uri) in files)
        {
            try
            {
                features.Add(FeatureParser.ParseFile(file, uri));
            }
            catch (FeatureParseException e)
            {
                errors.Add(e);
                refused[uri] = e.Message;
            }
        }

        return new FeatureCatalog(full, features, errors, refused);
    }

    /// <summary>Finds a compiled scenario by feature uri and title, or null.</summary>
    /// <param name="uri">The feature's uri.</param>
    /// <param name="title">The scenario's <see cref="ScenarioInfo.Title"/> (unique within its feature).</param>
    public ScenarioInfo? Find(string uri, string title) =>
        Features.FirstOrDefault(f => f.Uri == uri)?.Scenarios.FirstOrDefault(s => s.Title == title);
}
