using Nvf.Core.Provenance;

namespace Nvf.Core.History;

/// <summary>
/// What the run history keeps of one gate run: when, which scenarios with which outcome, the metrics
/// the steps recorded, and where the numbers came from (provenance).
/// </summary>
public sealed record RunRecord
{
    /// <summary>The run's id, "yyyyMMdd-HHmmss-xxxxxx" (UTC start time plus a random suffix); sorts by time.</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started, UTC.</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>Wall time of the run in seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>True when every scenario passed or was skipped and no regression was found.</summary>
    public required bool Passed { get; init; }

    /// <summary>The tag expression (or test filter) the run was restricted to, or null.</summary>
    public string? Tags { get; init; }

    /// <summary>True when the run ran every scenario of its suite (no tag expression, no test filter): then every baselined metric must be recorded again.</summary>
    public bool Full { get; init; }

    /// <summary>The run's name (`nvf evaluate --name`), or null.</summary>
    public string? Name { get; init; }

    /// <summary>The researcher's labels of the run (`--tag`, repeatable), e.g. the training it belongs to.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The researcher's models the run evaluated (model, epoch, checkpoint and predictions hashes, per-query file).</summary>
    public IReadOnlyList<EvaluatedModel> Evaluated { get; init; } = [];

    /// <summary>The research notes' questions as this run answered them, in report order (empty in runs recorded before answers existed).</summary>
    public IReadOnlyList<Answers.AnswerRow> Answers { get; init; } = [];

    /// <summary>Every scenario that ran, in run order.</summary>
    public required IReadOnlyList<ScenarioOutcome> Scenarios { get; init; }

    /// <summary>Every metric the steps recorded, in run order.</summary>
    public required IReadOnlyList<RecordedMetric> Metrics { get; init; }

    /// <summary>Where the numbers came from.</summary>
    public required RunProvenance Provenance { get; init; }

    /// <summary>Report files the run wrote, relative to its run folder (e.g. "acceptance.html").</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    /// <summary>The metric called <paramref name="name"/>, or null when the run did not record it.</summary>
    /// <param name="name">The metric's name.</param>
    public RecordedMetric? Metric(string name) => Metrics.LastOrDefault(m => m.Name == name);
}
