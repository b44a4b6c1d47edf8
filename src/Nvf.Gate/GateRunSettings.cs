namespace Nvf.Gate;

/// <summary>Where and how a gate run ran, for <see cref="GateRecorder"/>.</summary>
/// <param name="RepositoryRoot">The checkout (its artifacts/runs and fixtures/baselines).</param>
/// <param name="ReportDirectory">Where the reports go besides the run folder.</param>
/// <param name="ReportName">The reports' file name stem.</param>
/// <param name="FeaturesFolder">The suite's features folder (to tell a full run from a filtered one).</param>
/// <param name="Tags">The tag expression the run was restricted to, or null.</param>
/// <param name="DataFiles">Files the run read that the provenance should hash (e.g. the config).</param>
/// <param name="CompareWithBaseline">False for a run on a researcher's files (`nvf evaluate`): the project's baseline describes the generated data, not theirs.</param>
public sealed record GateRunSettings(string RepositoryRoot, string ReportDirectory, string ReportName, string FeaturesFolder, string? Tags, IReadOnlyList<string> DataFiles, bool CompareWithBaseline = true)
{
    /// <summary>The run's name (`--name`), or null.</summary>
    public string? Name { get; init; }

    /// <summary>The researcher's labels of the run (`--tag`).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}
