using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Schema;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class ReportTests
{
    // One scenario per status, a Background, arguments, attachments and hooks: everything the writers must express.
    public const string EveryOutcome = """
        @reports
        Feature: Every outcome
          Background:
            Given the number 1

          @gate
          Scenario: Passes with evidence
            Given these index cases:
              | Name | Kind | Recall | Budget |
              | ivf  | Flat | 95.2%  | 1 s    |
            And this text:
              ```
              a doc string
              ```
            When it sleeps 20ms
            Then the checks are attached
          Scenario: Fails
            Given a step that fails
          Scenario: Skips
            Given no sample server is reachable
          Scenario: Undefined
            Given nothing binds this
          Scenario: Pending
            Given a step that is not written yet
          Scenario: Ambiguous
            Given an overlapping step 3
        """;

    static readonly Type[] Bindings = [.. InnerRun.AllSamples, typeof(RecordingHooks)];

    [Fact]
    public async Task Cucumber_json_validates_against_the_schema_and_carries_every_status()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);
        var json = JsonDocument.Parse(CucumberJsonWriter.Write(report)).RootElement;

        Validator().Validate(json).Should().BeEmpty();
        var steps = json[0].GetProperty("elements").EnumerateArray().SelectMany(e => e.GetProperty("steps").EnumerateArray()).ToList();
        steps.Select(s => s.GetProperty("result").GetProperty("status").GetString()).Distinct()
            .Should().BeEquivalentTo("passed", "failed", "skipped", "undefined", "pending", "ambiguous");
    }

    [Fact]
    public async Task Durations_are_nanoseconds_and_embeddings_are_base64()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);
        var json = JsonNode.Parse(CucumberJsonWriter.Write(report))!;
        var steps = json[0]!["elements"]!.AsArray().SelectMany(e => e!["steps"]!.AsArray()).ToList();

        var sleep = steps.Single(s => (string?)s!["name"] == "it sleeps 20ms")!;
        ((long)sleep["result"]!["duration"]!).Should().BeInRange(20_000_000, 5_000_000_000, "a 20 ms sleep is 2e7 ns");
        var table = steps.Single(s => (string?)s!["name"] == "the checks are attached")!["embeddings"]![0]!;
        ((string?)table["mime_type"]).Should().Be("text/markdown");
        Encoding.UTF8.GetString(Convert.FromBase64String((string)table["data"]!)).Should().Contain("| **Mean cosine** | 1.000000 | ✅ PASS |");
    }

    [Fact]
    public async Task The_schema_check_catches_a_broken_document()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);
        var json = JsonNode.Parse(CucumberJsonWriter.Write(report))!;
        var failed = json[0]!["elements"]!.AsArray().SelectMany(e => e!["steps"]!.AsArray())
            .First(s => (string?)s!["result"]!["status"] == "failed")!;
        failed["result"]!.AsObject().Remove("error_message");
        json[0]!["tags"]![0]!["name"] = "no-at-sign";
        json[0]!["elements"]![0]!["type"] = "rule";

        var errors = Validator().Validate(JsonDocument.Parse(json.ToJsonString()).RootElement);

        errors.Should().HaveCount(3);
        errors.Should().Contain(e => e.Contains("missing required property 'error_message'"));
    }

    [Fact]
    public async Task Markdown_summary_counts_lists_problems_and_shows_tables_as_the_seed_does()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);

        var markdown = MarkdownSummaryWriter.Write(report, "acceptance");

        markdown.Should().StartWith("## ❌ acceptance");
        markdown.Should().Contain("6 scenarios: 1 passed, 1 failed, 1 skipped, 1 undefined, 1 pending, 1 ambiguous");
        markdown.Should().Contain("| ⏭️ | Every outcome | Skips — skipped: no sample server: SAMPLE_URL unset, no docker engine |");
        markdown.Should().Contain("[Given(\"nothing binds this\")]");
        markdown.Should().Contain(string.Join(Environment.NewLine,
            "| Check | Result | Status |",
            "|---|---|---|",
            "| **Mean cosine** | 1.000000 | ✅ PASS |",
            "| **Aligned (cos > 0.999)** | 100/100 (100%) | ✅ PASS |"));
    }

    [Fact]
    public async Task Html_is_self_contained_with_filters_statuses_and_inline_attachments()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);

        var html = HtmlReportWriter.Write(report, "acceptance");

        html.Should().Contain("<style>").And.Contain("<script>").And.NotContain("<link").And.NotContain("src=\"http");
        html.Should().Contain("<span class=\"failed\">1 failed</span>").And.Contain("data-status=\"ambiguous\"");
        html.Should().Contain("<option value=\"gate\">@gate</option>");
        html.Should().Contain("<td>**Mean cosine**</td>").And.Contain("src=\"data:image/svg+xml;base64,");
        html.Should().Contain("plain &lt;text&gt; &amp; more").And.Contain("&quot;top5&quot;: 0.974");
        html.Should().Contain("boom: the sample failure");
    }

    [Fact]
    public async Task Reports_are_written_atomically_and_replace_the_previous_ones()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);
        var folder = Directory.CreateTempSubdirectory("nvf-gherkin-reports-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "acceptance.md"), "stale");

            var files = ReportFiles.WriteAll(report, folder, "acceptance");

            files.Select(Path.GetFileName).Should().Equal("acceptance.cucumber.json", "acceptance.html", "acceptance.md", "acceptance.junit.xml", "acceptance.ndjson", "acceptance.cucumber.html");
            Directory.GetFiles(folder).Should().HaveCount(6, "no temporary file is left behind");
            File.ReadAllText(files[2]).Should().StartWith("## ❌ acceptance");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task JUnit_xml_has_one_testcase_per_scenario_as_the_cucumber_messages_count_them()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);

        var junit = System.Xml.Linq.XDocument.Parse(JUnitXmlWriter.Write(report, "acceptance"));
        var envelopes = CucumberMessagesWriter.Envelopes(report);

        var cases = junit.Descendants("testcase").ToList();
        cases.Should().HaveCount(envelopes.Count(e => e.TestCaseFinished is not null), "the CI server counts what Cucumber counts");
        cases.Should().HaveCount(report.Results.Count);
        var root = junit.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        root.Attribute("tests")!.Value.Should().Be(report.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        root.Elements("testsuite").Should().OnlyContain(s => s.Attribute("file") != null && s.Elements("testcase").Count().ToString(System.Globalization.CultureInfo.InvariantCulture) == s.Attribute("tests")!.Value);
        var skipped = cases.Single(c => c.Element("skipped") is not null);
        skipped.Element("skipped")!.Attribute("message")!.Value.Should().Be("no sample server: SAMPLE_URL unset, no docker engine");
        var failures = cases.Where(c => c.Element("failure") is not null).ToList();
        failures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(root.Attribute("failures")!.Value);
        failures.Should().Contain(c => c.Element("failure")!.Attribute("message")!.Value.Contains("boom: the sample failure"));
        cases.Should().OnlyContain(c => c.Attribute("classname") != null && c.Attribute("time") != null && c.Attribute("line") != null);
        JUnitXmlWriter.Write(report, "acceptance").Should().Be(JUnitXmlWriter.Write(report, "acceptance"), "the same run gives the same bytes");
    }

    [Fact]
    public async Task JUnit_xml_validates_against_the_common_junit_schema_and_a_broken_document_does_not()
    {
        var (report, _) = await InnerRun.RunAsync(EveryOutcome, Bindings);
        var schemas = new System.Xml.Schema.XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "junit.xsd"));

        List<string> Problems(System.Xml.Linq.XDocument document)
        {
            var problems = new List<string>();
            System.Xml.Schema.Extensions.Validate(document, schemas, (_, e) => problems.Add(e.Message));
            return problems;
        }

        var junit = System.Xml.Linq.XDocument.Parse(JUnitXmlWriter.Write(report, "acceptance"));
        Problems(junit).Should().BeEmpty("GitLab, Jenkins and Azure DevOps read this format");
        junit.Descendants("testcase").First().Attribute("classname")!.Remove();
        Problems(junit).Should().NotBeEmpty("the schema can fail: a testcase without its classname is refused");
    }

    [Fact]
    public void The_summary_is_appended_to_the_github_step_summary_only_when_the_variable_names_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "earlier step\n");

            GitHubStepSummary.Append("## ✅ acceptance", name => name == GitHubStepSummary.Variable ? file : null).Should().Be(file);
            GitHubStepSummary.Append("## second run", _ => null).Should().BeNull();

            File.ReadAllText(file).Should().Be("earlier step\n## ✅ acceptance" + Environment.NewLine + Environment.NewLine, "appended, never overwritten");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_scenario_under_a_rule_shows_its_rule_in_the_html_report()
    {
        var (report, _) = await InnerRun.RunAsync("""
            Feature: Tiers
              Rule: Good needs R@5 of 5%
                Scenario: good
                  Given the number 1
            """, Bindings);

        report.Results.Single().Scenario.Rule.Should().Be("Good needs R@5 of 5%");
        HtmlReportWriter.Write(report, "rules").Should().Contain("<span class=\"rule\">Rule: Good needs R@5 of 5% › </span>Scenario: good");
    }

    static JsonSchemaValidator Validator() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "cucumber-json.schema.json"))).RootElement);
}
