using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Cli.Gate;

/// <summary>What `nvf gate` (or a command built on it) was asked for.</summary>
/// <param name="Tags">A tag expression from --tags, or null.</param>
/// <param name="ConfigPath">The --config file, or null.</param>
/// <param name="OutputDirectory">The --out folder, or null for artifacts/reports.</param>
/// <param name="Environment">The command's own inputs by variable name (e.g. NVF_PAYLOAD from `nvf evaluate --payload`), handed to the steps as typed <see cref="Core.Artifacts.GateInputs"/>; null for the shell's.</param>
/// <param name="CompareWithBaseline">False to skip the comparison with the project's baseline (a run on a researcher's files).</param>
public sealed record GateRequest(string? Tags, string? ConfigPath, string? OutputDirectory, IReadOnlyDictionary<string, string>? Environment = null, bool CompareWithBaseline = true)
{
    /// <summary>How the researcher's predictions are evaluated, or null for the seed's (or NVF_EVALUATION's).</summary>
    public EvaluationSettings? Evaluation { get; init; }

    /// <summary>The run's name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The run's labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}
