using Nvf.Core.Configs;
using Nvf.Core.Pipeline;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>Small configs (100 rows of width 16) that train in about a second, for unit tests.</summary>
static class SmallSetup
{
    public static NvfDatabase Database { get; } = NvfDatabase.RandomUnit(100, 16, 42);

    public static SoftAttentionConfig SoftAttention { get; } = new("unit-test soft attention", 32, 0.1, 4, 64, 3e-3, 3000, SoftAttentionLoss.CrossEntropyOnLogits, 11, 1);

    public static RerankerConfig Reranker { get; } = new("unit-test reranker", 32, 0.1, 5, 4, 0, 64, 1e-3, 2000, 0.1, 12, 1);

    public static JointFineTuneConfig Joint { get; } = new("unit-test joint", 1, 64, 1e-4, 1000, 500, 0, TopKRelaxation.StraightThrough, 1.0, 1.0, 13, 1);

    /// <summary>Trained once per test run through the same memo the features use.</summary>
    /// <summary>The tests' memo of trained models (one for the test assembly).</summary>
    public static TrainedModels Models { get; } = new();

    public static TrainedSoftAttention TrainedSoftAttention => Models.SoftAttention(Database, SoftAttention);
}
