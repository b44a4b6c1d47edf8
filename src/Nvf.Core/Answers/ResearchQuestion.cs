namespace Nvf.Core.Answers;

/// <summary>
/// One question of the two research notes that a run answers, with where its answer is proven: the feature file and the
/// scenario whose steps record it. The reports' "Answers" section has one row per question (and per case it was answered for).
/// </summary>
/// <param name="Id">A stable id the steps record their answer under (e.g. "nvf.task1.target").</param>
/// <param name="Note">The research note that asks it: <see cref="ResearchQuestions.Phase2"/> or <see cref="ResearchQuestions.SanityReport"/>.</param>
/// <param name="Text">The question as the note asks it.</param>
/// <param name="Feature">The feature file that answers it, relative to features/ (e.g. "nvf/reranker.feature").</param>
/// <param name="Scenario">The start of the title of the scenario that answers it on the generated data.</param>
public sealed record ResearchQuestion(string Id, string Note, string Text, string Feature, string Scenario)
{
    /// <summary>The headline metrics behind the answer on the generated data (what `nvf history --html` plots per question); names of the committed baseline.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>The metrics behind the answer in runs of `nvf evaluate` on a researcher's predictions (plotted by `nvf history --html` when present).</summary>
    public IReadOnlyList<string> ResearcherMetrics { get; init; } = [];
}
