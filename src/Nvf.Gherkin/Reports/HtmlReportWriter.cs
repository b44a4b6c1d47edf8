using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// Writes one self-contained HTML acceptance report. From the top: the verdict badge and counts, run problems,
/// the verdict per feature, the sections a tool added (<see cref="RunReport.Sections"/>), every SVG plot the
/// steps attached, every recorded metric, a status and tag filter (a few lines of inline script), then the
/// feature tree: every step with status colour, duration and error, tags, and attachments inline (tables, SVG as
/// data URIs, text, JSON). Each section opens with a line saying what it shows. No external assets.
/// </summary>
public static class HtmlReportWriter
{
    static readonly Lazy<string> Style = new(() => Asset("report.css"));
    static readonly Lazy<string> Script = new(() => Asset("report.js"));

    /// <summary>Returns the report as HTML text.</summary>
    /// <param name="report">The run.</param>
    /// <param name="title">The report's title (its name).</param>
    public static string Write(RunReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E(title)).AppendLine("</title>");
        html.Append("<style>").Append(Style.Value).AppendLine("</style></head><body>");
        var verdict = report.Succeeded ? "passed" : "failed";
        html.Append($"<header><h1><span class=\"badge {verdict}\">{verdict}</span>").Append(E(title)).AppendLine("</h1>");
        html.Append("<p class=\"meta\">started ").Append(report.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Append(" · ").Append(report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s · ")
            .Append(report.Results.Count).Append(" scenarios").Append(report.DryRun ? " · dry run: bindings checked, nothing ran" : "").AppendLine("</p>");
        html.Append("<div class=\"summary\">");
        foreach (var (status, count) in report.Counts.Where(c => c.Value > 0))
        {
            html.Append($"<span class=\"{StatusText.Name(status)}\">{count} {StatusText.Name(status)}</span>");
        }

        html.AppendLine("</div></header>");
        AppendSections(html, report.Sections.Where(s => s.Lead));
        AppendRunProblems(html, report);
        AppendVerdict(html, report);
        AppendSections(html, report.Sections.Where(s => !s.Lead));
        AppendPlots(html, report);
        AppendMetrics(html, report);
        AppendFilters(html, report);
        html.AppendLine("<main>");
        html.Append("<p class=\"explain\">").Append(E(FeaturesExplanation)).AppendLine("</p>");
        foreach (var feature in report.Features)
        {
            AppendFeature(html, feature, report.ResultsOf(feature).ToList());
        }

        html.AppendLine("</main>");
        html.Append("<script>").Append(Script.Value).AppendLine("</script></body></html>");
        return html.ToString();
    }

    static void AppendRunProblems(StringBuilder html, RunReport report)
    {
        var hooks = report.RunHooks.Where(h => h.Status == StepStatus.Failed).ToList();
        if (report.RefusedFiles.Count == 0 && hooks.Count == 0)
        {
            return;
        }

        html.AppendLine("<section class=\"refused\"><strong>Run problems</strong>");
        foreach (var (uri, errors) in report.RefusedFiles)
        {
            html.Append("<p>").Append(E(uri)).Append(" was refused:</p><pre class=\"error\">").Append(E(errors)).AppendLine("</pre>");
        }

        foreach (var hook in hooks)
        {
            html.Append("<p>[").Append(hook.Kind).Append("] ").Append(E(hook.Location)).Append(" failed:</p><pre class=\"error\">")
                .Append(E(hook.Error ?? "")).AppendLine("</pre>");
        }

        html.AppendLine("</section>");
    }

    /// <summary>The line above the verdict table.</summary>
    public const string VerdictExplanation =
        "One row per feature: how many of its scenarios passed, failed or were skipped because a precondition was not met. " +
        "A feature's verdict is its worst scenario's; the run passes when every scenario passed or was skipped and every feature file compiled.";

    /// <summary>The line above the plots every step attached.</summary>
    public const string PlotsExplanation =
        "Every plot the steps attached (training curves, cosine histograms, recall curves), gathered here in run order; each also appears under its step below.";

    /// <summary>The line above the metrics table.</summary>
    public const string MetricsExplanation =
        "Every number the steps recorded, with its 95% interval when one was measured and the direction that is better. " +
        "These feed the run history, the trend plots and the regression check against the accepted baseline.";

    /// <summary>The line above the feature tree.</summary>
    public const string FeaturesExplanation =
        "Each feature with its description (the research note's text and figures), then its scenarios: failed and skipped ones open, " +
        "every step with its status, duration, error and the evidence it attached. Filter by status or tag above.";

    static void AppendVerdict(StringBuilder html, RunReport report)
    {
        var features = report.Features;
        if (features.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"extra verdict\"><h2>Verdict per feature</h2><p class=\"explain\">").Append(E(VerdictExplanation)).Append("</p>");
        html.Append("<table><thead><tr><th>Verdict</th><th>Feature</th><th>Scenarios</th><th>Passed</th><th>Failed</th><th>Skipped</th></tr></thead><tbody>");
        foreach (var feature in features)
        {
            var results = report.ResultsOf(feature).ToList();
            var worst = StatusText.Name(StatusText.Worst(results.Select(r => r.Status)));
            html.Append($"<tr><td><span class=\"badge {worst}\">{worst}</span></td><td>").Append(E(feature.Name)).Append("</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{results.Count}</td><td>{results.Count(r => r.Status == StepStatus.Passed)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{results.Count(r => r.Status is not (StepStatus.Passed or StepStatus.Skipped))}</td><td>{results.Count(r => r.Status == StepStatus.Skipped)}</td></tr>");
        }

        html.AppendLine("</tbody></table></section>");
    }

    /// <summary>The id of a scenario's element in the report ("s-" and its Cucumber id made URL-safe), for links such as "report.html#s-…".</summary>
    /// <param name="scenario">The scenario.</param>
    public static string Anchor(ScenarioInfo scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var id = new StringBuilder("s-");
        foreach (var c in scenario.Id)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return id.ToString();
    }

    // Tool-provided sections (answers first, then decision gates, regression check and trends), each with its explanation.
    static void AppendSections(StringBuilder html, IEnumerable<ReportSection> sections)
    {
        foreach (var section in sections)
        {
            html.Append(section.Lead ? "<section class=\"extra lead\"" : "<section class=\"extra\"").Append(" id=\"").Append(E(SectionId(section.Title))).Append("\"><h2>").Append(E(section.Title)).Append("</h2>");
            if (section.Explanation.Length > 0)
            {
                html.Append("<p class=\"explain\">").Append(E(section.Explanation)).Append("</p>");
            }

            html.Append(section.Html).AppendLine("</section>");
        }
    }

    static string SectionId(string title) => "section-" + new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    static void AppendPlots(StringBuilder html, RunReport report)
    {
        var plots = report.Results
            .SelectMany(r => r.BeforeHooks.SelectMany(h => h.Attachments).Concat(r.Steps.SelectMany(s => s.Attachments)).Concat(r.AfterHooks.SelectMany(h => h.Attachments))
                .Where(a => a.Kind == AttachmentKind.Svg).Select(a => (Result: r, Attachment: a)))
            .ToList();
        if (plots.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"extra plots\"><h2>Plots</h2><p class=\"explain\">").Append(E(PlotsExplanation)).Append("</p><div class=\"plot-grid\">");
        foreach (var (result, attachment) in plots)
        {
            html.Append("<figure><figcaption>").Append(E(attachment.Title)).Append(" <span class=\"uri\">").Append(E(result.Scenario.DisplayName)).Append("</span></figcaption>");
            AppendSvg(html, attachment);
            html.Append("</figure>");
        }

        html.AppendLine("</div></section>");
    }

    // Every recorded metric in one table (one row per metric, scenario named).
    static void AppendMetrics(StringBuilder html, RunReport report)
    {
        var metrics = report.Metrics.ToList();
        if (metrics.Count > 0)
        {
            html.Append("<section class=\"extra metrics\"><h2>Metrics</h2><p class=\"explain\">").Append(E(MetricsExplanation)).Append("</p>");
            AppendTable(html, MetricRows.Headers, metrics.Select(m => MetricRows.Row(m.Result, m.Metric)).ToList());
            html.AppendLine("</section>");
        }
    }

    static void AppendFilters(StringBuilder html, RunReport report)
    {
        html.Append("<nav class=\"filters\">Status: ");
        foreach (var (status, count) in report.Counts)
        {
            var name = StatusText.Name(status);
            html.Append($"<label><input type=\"checkbox\" data-status=\"{name}\" checked> {name} ({count})</label>");
        }

        html.Append("Tag: <select id=\"tag-filter\"><option value=\"\">all tags</option>");
        foreach (var tag in report.Results.SelectMany(r => r.Scenario.Tags.Select(t => t.Name)).Distinct().Order(StringComparer.Ordinal))
        {
            html.Append($"<option value=\"{E(tag)}\">@{E(tag)}</option>");
        }

        html.AppendLine("</select> <span id=\"shown\"></span></nav>");
    }

    static void AppendFeature(StringBuilder html, FeatureInfo feature, List<ScenarioResult> results)
    {
        var worst = StatusText.Worst(results.Select(r => r.Status));
        html.Append($"<details class=\"feature {StatusText.Name(worst)}\" open><summary><span class=\"badge {StatusText.Name(worst)}\">{StatusText.Name(worst)}</span>")
            .Append(E(feature.Keyword)).Append(": ").Append(E(feature.Name)).Append(Tags(feature.Tags))
            .Append("<span class=\"uri\">").Append(E(feature.Uri)).AppendLine("</span></summary>");
        if (feature.Description.Length > 0)
        {
            html.Append("<p class=\"description\">").Append(E(feature.Description)).AppendLine("</p>");
        }

        foreach (var result in results)
        {
            AppendScenario(html, result);
        }

        html.AppendLine("</details>");
    }

    static void AppendScenario(StringBuilder html, ScenarioResult result)
    {
        var status = StatusText.Name(result.Status);
        var tags = string.Join(' ', result.Scenario.Tags.Select(t => t.Name));
        html.Append($"<details class=\"scenario {status}\" id=\"{Anchor(result.Scenario)}\" data-status=\"{status}\" data-tags=\"{E(tags)}\"{(result.Status == StepStatus.Passed ? "" : " open")}>");
        html.Append($"<summary><span class=\"badge {status}\">{status}</span>")
            .Append(result.Scenario.Rule.Length > 0 ? $"<span class=\"rule\">Rule: {E(result.Scenario.Rule)} › </span>" : "")
            .Append(E(result.Scenario.Keyword)).Append(": ")
            .Append(E(result.Scenario.Title)).Append(Tags(result.Scenario.Tags))
            .Append("<span class=\"duration\">").Append(StatusText.Milliseconds(result.Duration)).AppendLine("</span></summary>");
        if (result.Scenario.Description.Length > 0)
        {
            html.Append("<p class=\"description\">").Append(E(result.Scenario.Description)).AppendLine("</p>");
        }

        if (result.SkipReason is not null)
        {
            html.Append("<p><strong>Skipped:</strong> ").Append(E(result.SkipReason)).AppendLine("</p>");
        }

        html.AppendLine("<ol class=\"steps\">");
        result.BeforeHooks.ForEach(h => AppendHook(html, h));
        foreach (var step in result.Steps)
        {
            var name = StatusText.Name(step.Status);
            html.Append($"<li class=\"{name}{(step.Step.FromBackground ? " background" : "")}\"><span class=\"badge {name}\">{name}</span>")
                .Append("<span class=\"keyword\">").Append(E(step.Step.Keyword)).Append("</span>").Append(E(step.Step.Text))
                .Append("<span class=\"duration\">").Append(StatusText.Milliseconds(step.Duration)).Append("</span>");
            if (step.Step.Table is { } table)
            {
                AppendTable(html, table.Header, table.Rows);
            }

            if (step.Step.DocString is { } docString)
            {
                html.Append("<pre>").Append(E(docString.Content)).Append("</pre>");
            }

            if (step.Error is not null)
            {
                html.Append(step.Status == StepStatus.Skipped ? "<pre>" : "<pre class=\"error\">").Append(E(step.Error)).Append("</pre>");
            }

            step.Attachments.ToList().ForEach(a => AppendAttachment(html, a));
            html.AppendLine("</li>");
        }

        result.AfterHooks.ForEach(h => AppendHook(html, h));
        html.AppendLine("</ol></details>");
    }

    static void AppendHook(StringBuilder html, HookResult hook)
    {
        var name = StatusText.Name(hook.Status);
        html.Append($"<li class=\"{name}\"><span class=\"badge {name}\">{name}</span><span class=\"keyword\">{hook.Kind}</span> ")
            .Append(E(hook.Location)).Append("<span class=\"duration\">").Append(StatusText.Milliseconds(hook.Duration)).Append("</span>");
        if (hook.Error is not null)
        {
            html.Append("<pre class=\"error\">").Append(E(hook.Error)).Append("</pre>");
        }

        hook.Attachments.ToList().ForEach(a => AppendAttachment(html, a));
        html.AppendLine("</li>");
    }

    static void AppendAttachment(StringBuilder html, Attachment attachment)
    {
        html.Append("<figure><figcaption>").Append(E(attachment.Title)).Append("</figcaption>");
        switch (attachment.Kind)
        {
            case AttachmentKind.Table:
                AppendTable(html, attachment.Headers, attachment.Rows);
                break;
            case AttachmentKind.Svg:
                AppendSvg(html, attachment);
                break;
            case AttachmentKind.Json:
                using (var document = JsonDocument.Parse(attachment.Content))
                {
                    html.Append("<pre>").Append(E(JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true }))).Append("</pre>");
                }

                break;
            default:
                html.Append("<pre>").Append(E(attachment.Content)).Append("</pre>");
                break;
        }

        html.Append("</figure>");
    }

    // A data URI keeps the SVG's own ids and styles out of the report's document.
    static void AppendSvg(StringBuilder html, Attachment attachment) =>
        html.Append("<img class=\"svg\" alt=\"").Append(E(attachment.Title)).Append("\" src=\"data:image/svg+xml;base64,")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment.Content))).Append("\">");

    static void AppendTable(StringBuilder html, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    static string Tags(IReadOnlyList<Tag> tags) => string.Concat(tags.Select(t => $"<span class=\"tag\">@{E(t.Name)}</span>"));

    static string E(string text) => WebUtility.HtmlEncode(text);

    static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nvf.Gherkin.Reports.Assets." + name)
            ?? throw new InvalidOperationException($"The report asset '{name}' is missing from Nvf.Gherkin; expected it embedded from Reports/Assets.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
