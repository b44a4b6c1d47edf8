namespace Nvf.Core.Answers;

/// <summary>
/// One row of a run's "Answers": a question of the research notes, the case it was answered for, the figure with its interval,
/// the target and ceiling, the verdict, and the scenario that proves it. Every field is filled ("—" where nothing applies), so a
/// reader never meets an empty cell; the run record keeps these rows (run.json, "answers").
/// </summary>
/// <param name="QuestionId">The question's id (<see cref="ResearchQuestion.Id"/>).</param>
/// <param name="Note">The research note that asks it.</param>
/// <param name="Question">The question's text.</param>
/// <param name="Case">The data or model the row is about.</param>
/// <param name="Verdict">"met", "missed", "UNREACHABLE", "answered" or "not run".</param>
/// <param name="Figure">The figure or the answer.</param>
/// <param name="Interval">Its 95% interval, or "—".</param>
/// <param name="Target">The target, or "—".</param>
/// <param name="Ceiling">The oracle ceiling, or "—".</param>
/// <param name="Detail">The sentence behind the verdict (for "not run": why).</param>
/// <param name="Scenario">The proving scenario ("feature › scenario"), or "—" when none ran.</param>
/// <param name="Location">Its feature file and line ("features/nvf/reranker.feature:42"), or the feature file when none ran.</param>
/// <param name="Anchor">The scenario's id in the HTML report (for "#anchor" links), or "".</param>
/// <param name="Value">The figure as a number (a fraction for percentages) for trends, or null.</param>
/// <param name="Key">A categorical answer as a stable token for tools (the decision's name, "ContinueTraining"), or "".</param>
public sealed record AnswerRow(
    string QuestionId,
    string Note,
    string Question,
    string Case,
    string Verdict,
    string Figure,
    string Interval,
    string Target,
    string Ceiling,
    string Detail,
    string Scenario,
    string Location,
    string Anchor,
    double? Value,
    string Key = "")
{
    /// <summary>What a field that does not apply shows.</summary>
    public const string None = "—";

    /// <summary>The verdict of a question no scenario of the run answered.</summary>
    public const string NotRun = "not run";

    /// <summary>How the reason of a "not run" row starts when the run's selection (its tags) left the question out.</summary>
    public const string NotSelected = "not in this run's selection";
}
