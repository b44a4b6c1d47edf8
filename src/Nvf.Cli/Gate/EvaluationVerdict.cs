using Nvf.Cli.CommandLine;
using Nvf.Core.Answers;
using Nvf.Core.Decision;
using Nvf.Core.History;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Cli.Gate;

/// <summary>
/// The exit code `nvf evaluate` and `nvf watch` give for a recorded run of the predictions feature, so a training
/// script can branch on it (docs/infonce.md, "Your own model"): the decision of the seed's tree, read from the typed
/// answers the run recorded (the decision, and the flat ablation's verdict when it ran), never from metric names or report text.
/// </summary>
public static class EvaluationVerdict
{
    /// <summary>R@5 ≥ 5%: continue training (2-10 more epochs).</summary>
    public const int ContinueTraining = ExitCodes.Passed;

    /// <summary>A plumbing check failed (normalization, oracle recall, eval alignment): fix the data first.</summary>
    public const int PlumbingFailed = ExitCodes.PlumbingFailed;

    /// <summary>0 &lt; R@5 &lt; 5%: train 1-2 more epochs and evaluate again.</summary>
    public const int TrainMore = ExitCodes.TrainMore;

    /// <summary>R@5 = 0, Δ ≥ 0.10, and the flat index finds what IVF missed: an ANN issue (rebuild or re-check the index).</summary>
    public const int AnnIssue = ExitCodes.AnnIssue;

    /// <summary>R@5 = 0, Δ ≥ 0.10, and the flat index finds nothing either: the model is the issue.</summary>
    public const int ModelIssue = ExitCodes.ModelIssue;

    /// <summary>R@5 = 0 and Δ &lt; 0.10: pivot to the two-tower model.</summary>
    public const int PivotToTwoTower = ExitCodes.PivotToTwoTower;

    /// <summary>
    /// The exit code for <paramref name="record"/> and why: plumbing first, then any other failure, then the decision the
    /// predictions' evaluation answered (its typed answer, with the flat ablation's verdict when the tree called for it).
    /// </summary>
    /// <param name="record">The recorded run.</param>
    public static (int Code, string Why) Of(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plumbing = record.Scenarios.Where(s => s.Tags.Contains("plumbing") && s.Status is not ("passed" or "skipped")).ToList();
        if (plumbing.Count > 0)
            return (PlumbingFailed, $"plumbing failed: {string.Join("; ", plumbing.Select(s => s.Scenario))} (the report shows each check's table)");
        var failed = record.Scenarios.Where(s => s.Status is not ("passed" or "skipped")).ToList();
        if (failed.Count > 0)
            return (ExitCodes.Failed, $"the gate failed: {string.Join("; ", failed.Select(s => s.Scenario))} (the report shows why)");
        var answer = record.Answers.LastOrDefault(a => a.QuestionId == ResearchQuestions.Decision.Id && a.Key.Length > 0);
        if (answer is null || !Enum.TryParse<GateDecision>(answer.Key, out var decision))
            return (ExitCodes.Failed, $"the predictions were not evaluated: {string.Join("; ", record.Scenarios.Where(s => s.Tags.Contains("predictions")).Select(s => $"{s.Scenario}: {s.Status}{(s.Problem is null ? "" : ", " + s.Problem)}"))}");
        // The tree's two inputs, each with its own interval: R@5's figure is a bare percentage, the separation's says "delta".
        var figures = string.Join(", ", new[] { (Label: "R@5 ", Question: ResearchQuestions.RecallAt5), (Label: "", Question: ResearchQuestions.Separation) }
            .Select(q => (q.Label, Row: record.Answers.LastOrDefault(a => a.QuestionId == q.Question.Id && a.Case == answer.Case)))
            .Where(q => q.Row is not null)
            .Select(q => q.Label + (q.Row!.Interval == AnswerRow.None ? q.Row.Figure : $"{q.Row.Figure} {q.Row.Interval}")));
        var text = $"{answer.Figure} ({figures})";
        var flat = record.Answers.LastOrDefault(a => a.QuestionId == ResearchQuestions.FlatAblation.Id && a.Case == answer.Case && a.Key.Length > 0);
        return decision switch
        {
            GateDecision.ContinueTraining => (ContinueTraining, text),
            GateDecision.TrainMoreEpochs => (TrainMore, text),
            GateDecision.PivotToTwoTower => (PivotToTwoTower, text),
            _ when flat is not null && Enum.TryParse<FlatAblationVerdict>(flat.Key, out var verdict) =>
                (verdict == FlatAblationVerdict.AnnIsTheIssue ? AnnIssue : ModelIssue, $"{text}; {flat.Figure}: {flat.Detail}"),
            _ => (ExitCodes.Failed, $"{text}, but no flat ablation was recorded"),
        };
    }
}
