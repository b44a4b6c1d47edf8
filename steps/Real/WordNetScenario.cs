using Nvf.Core.RealData;

namespace Nvf.Specs.Steps.Real;

/// <summary>Per-scenario state of the WordNet features: the prepared task and what it measured.</summary>
public sealed class WordNetScenario
{
    WordNetTask? task;

    /// <summary>The prepared task (sample drawn, texts embedded).</summary>
    public WordNetTask Task
    {
        get => task ?? throw new InvalidOperationException("No WordNet task; expected 'Given WordNet embedded by all-MiniLM-L6-v2 as the real-data config ... says' first.");
        set => task = value;
    }

    /// <summary>The run's measurements, once run.</summary>
    public WordNetTaskReport? Report { get; set; }

    /// <summary>The seed's 90% judged on real queries, once judged.</summary>
    public Core.Criteria.CriterionVerdict? Verdict { get; set; }
}
