namespace Nvf.Cli.Gate;

/// <summary>What `nvf gate` was asked for.</summary>
/// <param name="Tags">A tag expression from --tags, or null.</param>
/// <param name="ConfigPath">The --config file, or null.</param>
/// <param name="OutputDirectory">The --out folder, or null for artifacts/reports.</param>
public sealed record GateRequest(string? Tags, string? ConfigPath, string? OutputDirectory);
