namespace Nvf.Gherkin.Running;

/// <summary>
/// A step's answer to one question of the research notes ("does the reranker reach 90%?"), recorded with the scenario that
/// proves it, as typed data: the tool that owns the questions builds its "Answers" section from these, never from report text.
/// Every text field is display-ready; "" means "does not apply" and is shown as a dash.
/// </summary>
/// <param name="Question">The question's stable id, from the tool's catalogue (e.g. "nvf.task1.target").</param>
/// <param name="Case">Which data or model the answer is about (e.g. "generated data", "spread 0.05", "your predictions"); "" when there is one case.</param>
/// <param name="Verdict">Met, missed, unreachable, or answered (a question without a target, such as the decision).</param>
/// <param name="Figure">The measured figure or the answer itself (e.g. "95.0%", "continue training").</param>
public sealed record Answer(string Question, string Case, AnswerVerdict Verdict, string Figure)
{
    /// <summary>The figure's 95% interval as text (e.g. "[94.4, 95.6]"), or "".</summary>
    public string Interval { get; init; } = "";

    /// <summary>The target the figure is judged against (e.g. "≥ 90%"), or "".</summary>
    public string Target { get; init; } = "";

    /// <summary>The best any model could reach on the same data (the oracle ceiling) with its interval, or "".</summary>
    public string Ceiling { get; init; } = "";

    /// <summary>One sentence behind the verdict (e.g. "stretch 95%: reached", the action taken), or "".</summary>
    public string Detail { get; init; } = "";

    /// <summary>The figure as a number for trends (a fraction for percentages), or null when the answer is not a number.</summary>
    public double? Value { get; init; }

    /// <summary>A categorical answer as a stable token for tools (e.g. the decision "ContinueTraining"), or "" when the answer is a number.</summary>
    public string Key { get; init; } = "";
}

/// <summary>How a question of the research notes was answered.</summary>
public enum AnswerVerdict
{
    /// <summary>The figure reaches its target.</summary>
    Met,

    /// <summary>The figure falls short of its target.</summary>
    Missed,

    /// <summary>The target lies above the oracle ceiling: no model could reach it on this data.</summary>
    Unreachable,

    /// <summary>The question has no target; the figure is the answer (a decision, a comparison).</summary>
    Answered,

    /// <summary>No scenario of this run answered it (the reason says why).</summary>
    NotRun,
}
