using System.Globalization;
using Nvf.Core.Answers;
using Nvf.Core.Criteria;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>Turns the typed results of Core (criterion verdicts, proportions) into the answers the reports open with.</summary>
public static class ResearchAnswers
{
    /// <summary>"[94.4, 95.6]": a proportion's Wilson 95% interval in percent.</summary>
    /// <param name="estimate">The proportion.</param>
    public static string Interval(ProportionEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return string.Create(CultureInfo.InvariantCulture, $"[{100 * estimate.Lower:F1}, {100 * estimate.Upper:F1}]");
    }

    /// <summary>"[0.247, 0.269]": an interval of a plain number.</summary>
    /// <param name="interval">The interval, or null.</param>
    public static string Interval((double Low, double High)? interval) =>
        interval is { } i ? string.Create(CultureInfo.InvariantCulture, $"[{i.Low:F3}, {i.High:F3}]") : "";

    /// <summary>The answer a proportion gives: the figure with its interval and <see cref="Answer.Value"/>.</summary>
    /// <param name="question">The question.</param>
    /// <param name="case">The data or model it is about.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="estimate">The measured proportion.</param>
    public static Answer Of(ResearchQuestion question, string @case, AnswerVerdict verdict, ProportionEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(estimate);
        return new Answer(question.Id, @case, verdict, MetricsTable.Percent(estimate.Estimate)) { Interval = Interval(estimate), Value = estimate.Estimate };
    }

    /// <summary>The answer of a judged accuracy target: met, missed or unreachable, with the ceiling.</summary>
    /// <param name="question">The question.</param>
    /// <param name="case">The data or model it is about.</param>
    /// <param name="verdict">The criterion's verdict.</param>
    public static Answer Target(ResearchQuestion question, string @case, CriterionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return Of(question, @case, Verdict(verdict.Outcome), verdict.Measured) with
        {
            Target = "≥ " + MetricsTable.Percent(verdict.Target),
            Ceiling = Ceiling(verdict),
            Detail = verdict.Outcome == CriterionOutcome.Unreachable ? "the target lies above the oracle ceiling on this data" : "",
        };
    }

    /// <summary>The answer of a verdict's stretch goal (met when the point estimate reaches it).</summary>
    /// <param name="question">The stretch question.</param>
    /// <param name="case">The data or model it is about.</param>
    /// <param name="verdict">The criterion's verdict, with a stretch goal.</param>
    public static Answer Stretch(ResearchQuestion question, string @case, CriterionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var stretch = verdict.Stretch ?? throw new ArgumentException("The verdict has no stretch goal.", nameof(verdict));
        var outcome = verdict.StretchMet ? AnswerVerdict.Met
            : verdict.Ceiling is { } c && c.Estimate < stretch ? AnswerVerdict.Unreachable
            : AnswerVerdict.Missed;
        return Of(question, @case, outcome, verdict.Measured) with { Target = "≥ " + MetricsTable.Percent(stretch), Ceiling = Ceiling(verdict) };
    }

    /// <summary>Met when <paramref name="passed"/>, else missed.</summary>
    /// <param name="passed">Whether the check passed.</param>
    public static AnswerVerdict MetIf(bool passed) => passed ? AnswerVerdict.Met : AnswerVerdict.Missed;

    static string Ceiling(CriterionVerdict verdict) => verdict.Ceiling is { } c ? $"{MetricsTable.Percent(c.Estimate)} {Interval(c)}" : "";

    static AnswerVerdict Verdict(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => AnswerVerdict.Met,
        CriterionOutcome.Missed => AnswerVerdict.Missed,
        _ => AnswerVerdict.Unreachable,
    };
}
