using System.Text.Json;

namespace Nvf.Core.Artifacts;

/// <summary>
/// A researcher's own artifacts, used instead of generated data: a payload .npy float (N, D), an
/// eval .npz (contexts (M, 5, D), targets (M, D), truth_keys (M, 2)), optionally a .faiss index over
/// the payload (ids = payload rows), the payload's key map .npy int (N, 2) = (article, chunk) of each
/// row (needed to find payload[truth_key]), and a training .npz in the eval layout (needed to train
/// and to measure leakage). Given by a JSON file (NVF_ARTIFACTS, fields payload, eval, index,
/// payloadKeys, training; paths relative to the file) and/or one environment variable each:
/// NVF_PAYLOAD, NVF_EVAL, NVF_INDEX, NVF_PAYLOAD_KEYS, NVF_TRAIN (these win over the file).
/// </summary>
/// <param name="PayloadPath">The payload .npy.</param>
/// <param name="EvalPath">The eval .npz.</param>
/// <param name="IndexPath">A .faiss index over the payload, or null to build IVF-Flat here.</param>
/// <param name="PayloadKeysPath">The payload key map .npy, or null.</param>
/// <param name="TrainingPath">Training samples .npz, or null.</param>
/// <param name="Origin">Where the paths came from (file and/or variables), for messages and reports.</param>
public sealed record ArtifactSources(string PayloadPath, string EvalPath, string? IndexPath, string? PayloadKeysPath, string? TrainingPath, string Origin)
{
    /// <summary>Environment variable naming a JSON file of artifact paths.</summary>
    public const string FileVariable = "NVF_ARTIFACTS";

    /// <summary>Every variable <see cref="FromEnvironment"/> reads.</summary>
    public static IReadOnlyList<string> Variables => [FileVariable, .. Fields.Select(f => f.Variable)];

    private static readonly (string Field, string Variable)[] Fields =
    [
        ("payload", "NVF_PAYLOAD"), ("eval", "NVF_EVAL"), ("index", "NVF_INDEX"), ("payloadKeys", "NVF_PAYLOAD_KEYS"), ("training", "NVF_TRAIN"),
    ];

    /// <summary>
    /// The artifacts the environment names, or null when it names none (then the run generates its
    /// data). <paramref name="variable"/> reads a variable (default: the process environment).
    /// Throws <see cref="ArtifactException"/> naming the variable or field when a path is missing or incomplete.
    /// </summary>
    public static ArtifactSources? FromEnvironment(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        var values = new Dictionary<string, (string Path, string From)>();
        var file = variable(FileVariable);
        if (!string.IsNullOrWhiteSpace(file))
        {
            foreach (var (field, path) in ReadFile(file))
                values[field] = (path, $"{Path.GetFileName(file)} field '{field}'");
        }

        foreach (var (field, name) in Fields)
        {
            var value = variable(name);
            if (!string.IsNullOrWhiteSpace(value))
                values[field] = (Path.GetFullPath(value), name);
        }

        if (values.Count == 0)
            return null;
        foreach (var (field, (path, from)) in values)
        {
            if (!File.Exists(path))
                throw new ArtifactException($"{from}: {path} does not exist; expected the {field} file");
        }

        string Required(string field, string variableName) => values.TryGetValue(field, out var v)
            ? v.Path
            : throw new ArtifactException($"artifacts given ({string.Join(", ", values.Values.Select(x => x.From))}) but no {field}: set {variableName} or the field '{field}' of the {FileVariable} file");
        string? Optional(string field) => values.TryGetValue(field, out var v) ? v.Path : null;
        return new ArtifactSources(
            Required("payload", "NVF_PAYLOAD"), Required("eval", "NVF_EVAL"), Optional("index"), Optional("payloadKeys"), Optional("training"),
            string.Join(", ", values.Values.Select(v => v.From).Distinct()));
    }

    private static IEnumerable<(string Field, string Path)> ReadFile(string file)
    {
        var name = Path.GetFileName(file);
        if (!File.Exists(file))
            throw new ArtifactException($"{FileVariable}: {Path.GetFullPath(file)} does not exist; expected a JSON file of artifact paths");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ArtifactException($"{name}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArtifactException($"{name}: the top level is a JSON {document.RootElement.ValueKind}; expected an object of paths");
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var result = new List<(string, string)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Fields.Any(f => f.Field == property.Name))
                    throw new ArtifactException($"{name}: unknown field '{property.Name}'; expected one of {string.Join(", ", Fields.Select(f => f.Field))}");
                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                    throw new ArtifactException($"{name}: field '{property.Name}' is {property.Value.GetRawText()}; expected a file path string");
                result.Add((property.Name, Path.GetFullPath(Path.Combine(folder, property.Value.GetString()!))));
            }

            return result;
        }
    }
}
