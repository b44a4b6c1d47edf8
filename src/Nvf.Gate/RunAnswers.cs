using System.Globalization;
using Nvf.Core.Answers;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;

namespace Nvf.Gate;

/// <summary>
/// A run's answers to the research notes' questions (<see cref="ResearchQuestions"/>), from the typed answers its steps recorded
/// (<see cref="ScenarioEvidence.RecordAnswer"/>); a question no scenario answered gets one "not run" row saying why (not selected,
/// skipped, or failed before answering).
/// </summary>
public static class RunAnswers
{
    /// <summary>One row per question and case, in catalogue order, then any answer to a question outside the catalogue.</summary>
    /// <param name="report">The run.</param>
    public static IReadOnlyList<AnswerRow> Rows(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var answers = report.Answers.ToList();
        var rows = new List<AnswerRow>();
        foreach (var question in ResearchQuestions.All)
        {
            var given = answers.Where(a => a.Answer.Question == question.Id).ToList();
            rows.AddRange(given.Count > 0 ? given.Select(a => Row(question, a.Result, a.Answer)) : [NotRun(question, report)]);
        }

        foreach (var (result, answer) in answers.Where(a => ResearchQuestions.Find(a.Answer.Question) is null))
        {
            rows.Add(Row(new ResearchQuestion(answer.Question, "Other", answer.Question, result.Scenario.Feature.Uri, result.Scenario.Title), result, answer));
        }

        return rows;
    }

    /// <summary>The section that opens every report of the run.</summary>
    /// <param name="rows">The run's answers.</param>
    public static ReportSection Section(IReadOnlyList<AnswerRow> rows) =>
        new(AnswersTable.Title, AnswersTable.Html(rows), AnswersTable.Markdown(rows)) { Explanation = AnswersTable.Explanation, Lead = true };

    static AnswerRow Row(ResearchQuestion question, ScenarioResult result, Answer answer) => new(
        question.Id,
        question.Note,
        question.Text,
        Filled(answer.Case),
        answer.Verdict switch
        {
            AnswerVerdict.Met => "met",
            AnswerVerdict.Missed => "missed",
            AnswerVerdict.Unreachable => "UNREACHABLE",
            AnswerVerdict.Answered => "answered",
            _ => AnswerRow.NotRun,
        },
        Filled(answer.Figure),
        Filled(answer.Interval),
        Filled(answer.Target),
        Filled(answer.Ceiling),
        Filled(answer.Detail),
        result.Scenario.DisplayName,
        Location(result),
        HtmlReportWriter.Anchor(result.Scenario),
        answer.Value,
        answer.Key);

    static AnswerRow NotRun(ResearchQuestion question, RunReport report)
    {
        var candidates = report.Results
            .Where(r => IsFeature(r, question.Feature) && r.Scenario.Title.StartsWith(question.Scenario, StringComparison.Ordinal))
            .ToList();
        var file = question.Feature;
        if (candidates.Count == 0)
        {
            var why = report.Results.Any(r => IsFeature(r, question.Feature))
                ? $"{AnswerRow.NotSelected}: the scenario \"{question.Scenario}…\" of {file} did not run"
                : $"{AnswerRow.NotSelected}: {file} did not run (run the whole gate, or a tag of that feature)";
            return Empty(question, why, AnswerRow.None, file, "");
        }

        var first = candidates[0];
        var reason = candidates.FirstOrDefault(r => r.Status is not (StepStatus.Passed or StepStatus.Skipped)) is { } failed
            ? $"{StatusText.Name(failed.Status)} before answering: {ScenarioProblem.FirstLine(failed) ?? "see the scenario"}"
            : candidates.All(r => r.Status == StepStatus.Skipped)
                ? $"skipped: {first.SkipReason}"
                : "the scenario passed without recording an answer (a defect in its steps)";
        return Empty(question, reason, first.Scenario.DisplayName, Location(first), HtmlReportWriter.Anchor(first.Scenario));
    }

    static AnswerRow Empty(ResearchQuestion question, string why, string scenario, string location, string anchor) =>
        new(question.Id, question.Note, question.Text, AnswerRow.None, AnswerRow.NotRun, AnswerRow.None, AnswerRow.None, AnswerRow.None, AnswerRow.None, why, scenario, location, anchor, null);

    static bool IsFeature(ScenarioResult result, string feature)
    {
        var uri = result.Scenario.Feature.Uri.Replace('\\', '/');
        return uri == feature || uri.EndsWith("/" + feature, StringComparison.Ordinal);
    }

    static string Location(ScenarioResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Scenario.Feature.Uri}:{result.Scenario.Line}");

    static string Filled(string text) => string.IsNullOrWhiteSpace(text) ? AnswerRow.None : text;
}
