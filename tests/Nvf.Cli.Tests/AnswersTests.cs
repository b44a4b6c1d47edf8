using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Nvf.Cli.Report;
using Nvf.Cli.Tests.Support;
using Nvf.Core.Answers;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// Every report opens with the research notes' questions answered (issue "Answers first"): a fixed sample run answers two
/// questions, misses one, skips one and leaves the rest outside its selection; the terminal, the Markdown summary, the
/// HTML report (as headless Chromium renders it), run.json and $GITHUB_STEP_SUMMARY all open with the same rows, none empty.
/// </summary>
public sealed class AnswersTests : IDisposable
{
    readonly TempRepository repository = new();

    [Fact]
    public async Task Every_report_of_a_run_opens_with_the_answers_and_no_cell_is_empty()
    {
        var (exitCode, output, error, summary) = RunSample();
        var markdown = File.ReadAllText(repository.PathOf("out/acceptance.md"));
        var answers = Section(markdown, "### Answers");
        var rows = TableRows(answers);

        exitCode.Should().Be(0, output + error);
        output.IndexOf("Answers", StringComparison.Ordinal).Should().BeGreaterThan(0).And.BeLessThan(output.IndexOf("Verdict per feature", StringComparison.Ordinal), "the terminal prints the answers first");
        markdown.IndexOf("### Answers", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("| | Feature | Scenario |", StringComparison.Ordinal), "the Markdown summary opens with the answers");
        rows.Select(r => r[0]).Distinct().Should().HaveCount(ResearchQuestions.All.Count, "every question of the two notes has a row");
        rows.Should().OnlyContain(r => r.Count == AnswersTable.Headers.Count && r.All(c => c.Length > 0), "no cell is left blank");
        Row(rows, ResearchQuestions.Task1Target)[6].Should().Be("✅ met");
        Row(rows, ResearchQuestions.Task1Stretch)[6].Should().Be("❌ missed");
        Row(rows, ResearchQuestions.RecallAt5)[6].Should().Be("❌ missed");
        Row(rows, ResearchQuestions.SeparateOrJoint)[6].Should().Be("⏭️ not run");
        Row(rows, ResearchQuestions.SeparateOrJoint)[7].Should().Be("skipped: no joint run in this sample");
        Row(rows, ResearchQuestions.Decision)[7].Should().StartWith(AnswerRow.NotSelected).And.Contain("infonce/predictions.feature");
        summary.Should().Contain("### Answers").And.Contain(Row(rows, ResearchQuestions.Task1Target)[2], "the CI job summary carries the same rows");

        using var record = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(repository.PathOf("artifacts/runs"), "run.json", SearchOption.AllDirectories).Single()));
        var recorded = record.RootElement.GetProperty("answers").EnumerateArray().ToList();
        recorded.Should().HaveCount(rows.Count, "run.json keeps the same rows");
        recorded.Select(a => a.GetProperty("questionId").GetString()).Should().Equal(rows.Select(r => ResearchQuestions.All.Single(q => q.Text == r[0]).Id));
        recorded[0].GetProperty("value").GetDouble().Should().Be(0.93);

        await Snapshot.Matches("answers-of-the-sample-run", answers, "md");
    }

    [Fact]
    public void The_html_report_as_chromium_renders_it_shows_the_answers_first_with_no_empty_cell()
    {
        File.Exists(HeadlessScreenshot.Executable).Should().BeTrue($"{HeadlessScreenshot.Executable} renders the report; scripts/setup.sh installs it");
        var (exitCode, output, error, _) = RunSample();
        exitCode.Should().Be(0, output + error);

        var dom = HeadlessScreenshot.DumpDom(repository.PathOf("out/acceptance.html"));
        var afterHeader = dom[(dom.IndexOf("</header>", StringComparison.Ordinal) + "</header>".Length)..];
        var first = Regex.Match(afterHeader, "<(section|main|div|table|details)\\b[^>]*>");
        first.Value.Should().Contain("id=\"section-answers\"", "the answers are the first thing under the run's heading");
        var table = afterHeader[..afterHeader.IndexOf("</table>", StringComparison.Ordinal)];
        var cells = Regex.Matches(table, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
        cells.Should().HaveCountGreaterThanOrEqualTo(ResearchQuestions.All.Count * AnswersTable.Headers.Count).And.OnlyContain(c => c.Length > 0, "no cell is empty");
        var link = Regex.Match(table, "href=\"#([^\"]+)\"").Groups[1].Value;
        link.Should().NotBeEmpty();
        dom.Should().Contain($"id=\"{link}\"", "each answer links to the scenario that proves it");
    }

    (int ExitCode, string Output, string Error, string Summary) RunSample()
    {
        repository.Write("gate.json", "{ \"features\": \"features\", \"reportName\": \"acceptance\" }");
        repository.Write("features/nvf/reranker.feature", """
            @sample @gate
            Feature: The neural reranker
              Scenario: The improved reranker learns to meet the seed's 90% target
                Given the sample answers "nvf.task1.target" for "sample data": 0.93 against a target of 0.90
                And the sample answers "nvf.task1.stretch" for "sample data": 0.93 against a target of 0.95
            """);
        repository.Write("features/nvf/joint_training.feature", """
            @sample @gate
            Feature: Separate or joint training
              Scenario: Joint fine-tuning after separate training
                Given the sample skips because "no joint run in this sample"
            """);
        repository.Write("features/infonce/training.feature", """
            @sample @gate
            Feature: Retrieval
              Scenario: R@5 of a sample model
                Given the sample answers "infonce.r_at_5" for "sample predictions": 0.0 against a target of 0.001
            """);
        var summary = repository.PathOf("step-summary.md");
        var (exitCode, output, error) = NvfProcess.RunWith(new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary }, repository.Root, "gate", "--config", "gate.json", "--out", "out");
        return (exitCode, output, error, File.Exists(summary) ? File.ReadAllText(summary) : "");
    }

    static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the summary has a section '{heading}'");
        var end = markdown.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        var table = markdown.IndexOf("\n| | Feature", start, StringComparison.Ordinal);
        return markdown[start..new[] { end, table, markdown.Length }.Where(i => i > 0).Min()].Trim() + "\n";
    }

    // The body rows of the first Markdown table in the text, cells split on unescaped pipes and trimmed.
    static List<List<string>> TableRows(string text) =>
        text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)
            .Select(l => Regex.Split(l.Trim()[1..^1], "(?<!\\\\)\\|").Select(c => c.Trim()).ToList())
            .Where(r => !r.All(c => c == "---"))
            .ToList();

    static List<string> Row(List<List<string>> rows, ResearchQuestion question) => rows.First(r => r[0] == question.Text);

    public void Dispose() => repository.Dispose();
}
