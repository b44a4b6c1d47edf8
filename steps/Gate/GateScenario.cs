using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Gate;

/// <summary>What a gate scenario has built so far; injected into every gate step class (one per scenario).</summary>
public sealed class GateScenario
{
    Baseline? baseline;
    BaselineComparison? comparison;

    /// <summary>The baseline the scenario compares with.</summary>
    public Baseline Baseline
    {
        get => baseline ?? throw new InvalidOperationException("No baseline yet; expected 'Given the accepted baseline ...' or 'Given a baseline with the metrics' first.");
        set => baseline = value;
    }

    /// <summary>The last comparison.</summary>
    public BaselineComparison Comparison
    {
        get => comparison ?? throw new InvalidOperationException("Nothing compared yet; expected a 'When ... compared' step first.");
        set => comparison = value;
    }

    /// <summary>The sample suite a snapshot scenario runs.</summary>
    public FeatureInfo? SampleSuite { get; set; }

    /// <summary>The sample suite's report, once it ran.</summary>
    public RunReport? SampleReport { get; set; }

    /// <summary>The repository whose fixtures/baselines and features/gate/snapshots the steps read.</summary>
    public static string RepositoryRoot =>
        RepositoryLayout.FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}; expected a folder holding a *.sln, or ${RepositoryLayout.RootVariable}.");
}
