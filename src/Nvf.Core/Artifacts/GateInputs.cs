using Nvf.Core.Decision;
using Nvf.Core.History;
using Nvf.Core.InfoNce;
using Nvf.Core.Models;
using Nvf.Core.Pipeline;
using Nvf.Core.Retrieval;
using Nvf.Core.Stores;

namespace Nvf.Core.Artifacts;

/// <summary>
/// What a gate run is given besides its features: the researcher's artifacts (payload, eval set, index, key map, training
/// set), predictions or a model, an NVF pipeline's files, a Qdrant collection, and the features folder of the run. One typed
/// object, read once from one source: `nvf` builds it from its options and passes it to the run (no environment variable is
/// set); under `dotnet test` the steps get one read from the process environment (the NVF_* variables the README lists).
/// Each part is parsed when first asked for, so a bad value fails the step that needs it, naming the variable.
/// </summary>
public sealed class GateInputs
{
    /// <summary>A JSON file of evaluation settings (nprobe, k, flat, negatives, batchSize, nprobeSweep, seed): `nvf evaluate --config`.</summary>
    public const string EvaluationVariable = "NVF_EVALUATION";

    /// <summary>Where a run writes files beside its reports (per-query results): `nvf --out`, else the report folder.</summary>
    public const string OutputVariable = "NVF_REPORT_DIR";

    /// <summary>The features folder the run was given (the regression check tells a full run from a filtered one by it).</summary>
    public const string FeaturesVariable = "NVF_FEATURES_DIR";

    readonly IReadOnlyDictionary<string, string> values;
    readonly Lazy<ArtifactSources?> artifacts;
    readonly Lazy<ResearcherPipeline?> pipeline;
    readonly Lazy<QdrantCollectionSettings?> collection;
    readonly Lazy<EvaluationSettings> evaluation;

    /// <summary>The inputs the process environment names (what the steps get under `dotnet test`).</summary>
    public GateInputs()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    GateInputs(Func<string, string?> variable, EvaluationSettings? settings = null)
    {
        values = Variables.Select(n => (Name: n, Value: variable(n))).Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .ToDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal);
        artifacts = new(() => ArtifactSources.FromEnvironment(Get));
        pipeline = new(() => ResearcherPipeline.FromEnvironment(Get));
        collection = new(() => QdrantCollectionSettings.FromEnvironment(Get));
        evaluation = new(() => settings ?? (Get(EvaluationVariable) is { } file ? EvaluationSettings.Load(file) : EvaluationSettings.SeedDefaults));
    }

    /// <summary>Every variable the inputs are read from.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        .. ArtifactSources.Variables, ResearcherPredictions.Variable, ContextModelFile.Variable, .. ResearcherPipeline.Variables,
        .. QdrantCollectionSettings.Variables, FeaturesVariable, RepositoryLayout.RootVariable, EvaluationVariable, OutputVariable,
    ];

    /// <summary>The inputs <paramref name="variable"/> names (a command's options as variable names, a config's "environment").</summary>
    /// <param name="variable">Returns a variable's value, or null when it is not given.</param>
    /// <param name="evaluation">The evaluation settings given as options, or null to read them from <see cref="EvaluationVariable"/> (else the seed's).</param>
    public static GateInputs From(Func<string, string?> variable, EvaluationSettings? evaluation = null)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return new GateInputs(variable, evaluation?.Validated());
    }

    /// <summary>The researcher's artifacts, or null when none are named (the run generates its data).</summary>
    public ArtifactSources? Artifacts => artifacts.Value;

    /// <summary>The researcher's predictions file (checked to exist), or null.</summary>
    public string? Predictions => ResearcherPredictions.PathFromEnvironment(Get);

    /// <summary>The researcher's context model (ONNX or TorchScript), or null.</summary>
    public string? Model => Get(ContextModelFile.Variable);

    /// <summary>The researcher's NVF pipeline files, or null.</summary>
    public ResearcherPipeline? Pipeline => pipeline.Value;

    /// <summary>The Qdrant collection to check instead of a payload file, or null.</summary>
    public QdrantCollectionSettings? QdrantCollection => collection.Value;

    /// <summary>How the researcher's predictions are evaluated (nprobe, cut-offs, negatives, ablation): the seed's unless given.</summary>
    public EvaluationSettings Evaluation => evaluation.Value;

    /// <summary>The folder for files a run writes beside its reports (per-query results).</summary>
    public string OutputDirectory => Get(OutputVariable) is { } named ? Path.GetFullPath(named) : Path.Combine(RepositoryRoot, "artifacts", "reports");

    /// <summary>The features folder of the run, or null for the suite's own.</summary>
    public string? FeaturesFolder => Get(FeaturesVariable);

    /// <summary>
    /// The checkout the run records into (run history, baselines): the one named (`nvf` passes the checkout it was started in),
    /// else the one above the running assembly.
    /// </summary>
    public string RepositoryRoot => Get(RepositoryLayout.RootVariable) is { } named
        ? Path.GetFullPath(named)
        : RepositoryLayout.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}; expected a folder holding a *.sln, or {RepositoryLayout.RootVariable}.");

    /// <summary>The value given for <paramref name="name"/>, or null.</summary>
    /// <param name="name">One of <see cref="Variables"/>.</param>
    public string? Get(string name) => values.GetValueOrDefault(name);
}
