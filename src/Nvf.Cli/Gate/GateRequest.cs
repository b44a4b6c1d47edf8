namespace Nvf.Cli.Gate;

/// <summary>What `nvf gate` was asked for.</summary>
/// <param name="Tags">A tag expression from --tags, or null.</param>
/// <param name="ConfigPath">The --config file, or null.</param>
/// <param name="OutputDirectory">The --out folder, or null for artifacts/reports.</param>
/// <param name="Environment">Variables to set for the steps before the run (e.g. NVF_PAYLOAD from `nvf evaluate`), or null.</param>
/// <param name="CompareWithBaseline">False to skip the comparison with the project's baseline (a run on a researcher's files).</param>
public sealed record GateRequest(string? Tags, string? ConfigPath, string? OutputDirectory, IReadOnlyDictionary<string, string>? Environment = null, bool CompareWithBaseline = true);
