using System.Text;
using System.Text.Json;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// Writes Cucumber JSON as Cucumber-JVM and the json-formatter do: features with elements (a background
/// element before each scenario that has Background steps), before/after hooks, steps with match, result
/// (duration in nanoseconds, lower-case status, error_message), rows, doc_string and base64 embeddings.
/// </summary>
public static class CucumberJsonWriter
{
    /// <summary>Returns the report as indented JSON text.</summary>
    /// <param name="report">The run.</param>
    public static string Write(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var feature in report.Features)
            {
                WriteFeature(json, feature, report.ResultsOf(feature));
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void WriteFeature(Utf8JsonWriter json, FeatureInfo feature, IEnumerable<ScenarioResult> results)
    {
        json.WriteStartObject();
        json.WriteString("uri", feature.Uri);
        json.WriteString("id", feature.Id);
        json.WriteString("keyword", feature.Keyword);
        json.WriteString("name", feature.Name);
        json.WriteString("description", feature.Description);
        json.WriteNumber("line", feature.Line);
        WriteTags(json, feature.Tags);
        json.WriteStartArray("elements");
        foreach (var result in results)
        {
            var background = result.Steps.Where(s => s.Step.FromBackground).ToList();
            if (background.Count > 0)
            {
                json.WriteStartObject();
                json.WriteString("keyword", "Background");
                json.WriteString("type", "background");
                json.WriteString("name", feature.BackgroundName);
                json.WriteString("description", "");
                json.WriteNumber("line", feature.BackgroundLine);
                WriteSteps(json, background);
                json.WriteEndObject();
            }

            WriteScenario(json, result);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void WriteScenario(Utf8JsonWriter json, ScenarioResult result)
    {
        var scenario = result.Scenario;
        json.WriteStartObject();
        json.WriteString("id", scenario.Id);
        json.WriteString("keyword", scenario.Keyword);
        json.WriteString("type", "scenario");
        json.WriteString("name", scenario.Name);
        json.WriteString("description", scenario.Description);
        json.WriteNumber("line", scenario.Line);
        json.WriteString("start_timestamp", result.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        WriteTags(json, scenario.Tags);
        WriteHooks(json, "before", result.BeforeHooks);
        WriteSteps(json, result.Steps.Where(s => !s.Step.FromBackground));
        WriteHooks(json, "after", result.AfterHooks);
        json.WriteEndObject();
    }

    static void WriteSteps(Utf8JsonWriter json, IEnumerable<StepResult> steps)
    {
        json.WriteStartArray("steps");
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteString("keyword", step.Step.Keyword);
            json.WriteString("name", step.Step.Text);
            json.WriteNumber("line", step.Step.Line);
            if (step.MatchLocation is not null)
            {
                json.WriteStartObject("match");
                json.WriteString("location", step.MatchLocation);
                json.WriteEndObject();
            }

            WriteResult(json, step.Status, step.Duration, step.Error);
            if (step.Step.Table is { } table)
            {
                json.WriteStartArray("rows");
                foreach (var row in table.AllRows)
                {
                    json.WriteStartObject();
                    json.WriteStartArray("cells");
                    row.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (step.Step.DocString is { } docString)
            {
                json.WriteStartObject("doc_string");
                json.WriteString("value", docString.Content);
                json.WriteString("content_type", docString.ContentType);
                json.WriteNumber("line", docString.Line);
                json.WriteEndObject();
            }

            WriteEmbeddings(json, step.Attachments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    static void WriteHooks(Utf8JsonWriter json, string name, IReadOnlyList<HookResult> hooks)
    {
        if (hooks.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var hook in hooks)
        {
            json.WriteStartObject();
            json.WriteStartObject("match");
            json.WriteString("location", hook.Location);
            json.WriteEndObject();
            WriteResult(json, hook.Status, hook.Duration, hook.Error);
            WriteEmbeddings(json, hook.Attachments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    static void WriteResult(Utf8JsonWriter json, StepStatus status, TimeSpan duration, string? error)
    {
        json.WriteStartObject("result");
        json.WriteString("status", StatusText.Name(status));
        // Cucumber JSON durations are nanoseconds; a tick is 100 ns.
        json.WriteNumber("duration", duration.Ticks * 100);
        if (error is not null)
        {
            json.WriteString("error_message", error);
        }

        json.WriteEndObject();
    }

    static void WriteEmbeddings(Utf8JsonWriter json, IReadOnlyList<Attachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        json.WriteStartArray("embeddings");
        foreach (var attachment in attachments)
        {
            json.WriteStartObject();
            json.WriteString("mime_type", attachment.MediaType);
            json.WriteString("data", Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment.Content)));
            json.WriteString("name", attachment.Title);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    static void WriteTags(Utf8JsonWriter json, IReadOnlyList<Tag> tags)
    {
        json.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            json.WriteStartObject();
            json.WriteString("name", "@" + tag.Name);
            json.WriteNumber("line", tag.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
