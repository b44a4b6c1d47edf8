using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cucumber.HtmlFormatter;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Nvf.Gherkin.Running;
using Messages = Io.Cucumber.Messages.Types;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// A run as Cucumber Messages (the NDJSON every Cucumber tool reads: CI plugins, the official HTML report, Cucumber
/// JSON converters) and as Cucumber's own HTML report (Cucumber.HtmlFormatter). The documents and pickles come from
/// Cucumber's Gherkin 43 (its AST-to-messages converter and pickle compiler); each scenario result becomes a test case
/// with one test step per pickle step, its status, duration and error, and its attachments: tables as Markdown, SVG
/// plots as images, text and JSON as they are, and the scenario's metrics as a text attachment on its last step.
/// </summary>
public static class CucumberMessagesWriter
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new DescriptionEnumConverterFactory() },
    };

    /// <summary>The run's envelopes in protocol order: meta, then per feature source, gherkinDocument and pickles, then the test run.</summary>
    /// <param name="report">The run.</param>
    public static IReadOnlyList<Envelope> Envelopes(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ids = new IncrementingIdGenerator();
        var envelopes = new List<Envelope>
        {
            Envelope.Create(new Meta(
                global::Cucumber.Messages.ProtocolVersion.Version,
                new Product("Nvf.Specs", typeof(CucumberMessagesWriter).Assembly.GetName().Version?.ToString() ?? "0"),
                new Product(".NET", Environment.Version.ToString()),
                new Product(System.Runtime.InteropServices.RuntimeInformation.OSDescription, ""),
                new Product(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), ""),
                null)),
        };

        foreach (var feature in report.Features)
        {
            var document = feature.Messages ?? throw new InvalidOperationException(
                $"{feature.Uri}: the run has no parsed document for this feature (a run read back from results.json); Cucumber Messages need the features as parsed");
            envelopes.Add(Envelope.Create(new Source(feature.Uri, feature.SourceText, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN)));
            envelopes.Add(Envelope.Create(document));
            foreach (var scenario in feature.Scenarios)
                envelopes.Add(Envelope.Create(scenario.Pickle!));
        }

        var runId = ids.GetNewId();
        envelopes.Add(Envelope.Create(new TestRunStarted(Timestamp(report.StartedAt), runId)));
        var cases = new List<(ScenarioResult Result, TestCase Case)>();
        foreach (var result in report.Results)
        {
            // Every result's scenario was compiled from its feature's document, so it carries its pickle.
            var pickle = result.Scenario.Pickle ?? throw new InvalidOperationException(
                $"{result.Scenario.Feature.Uri}:{result.Scenario.Line}: scenario '{result.Scenario.Title}' has no pickle; expected every scenario compiled from its feature");
            var steps = pickle.Steps.Select(s => new TestStep(null, ids.GetNewId(), s.Id, [], [])).ToList();
            var testCase = new TestCase(ids.GetNewId(), pickle.Id, steps, runId);
            envelopes.Add(Envelope.Create(testCase));
            cases.Add((result, testCase));
        }

        foreach (var (result, testCase) in cases)
            AddExecution(envelopes, ids, result, testCase);
        envelopes.Add(Envelope.Create(new TestRunFinished(null, report.Succeeded, Timestamp(report.StartedAt + report.Duration), null, runId)));
        return envelopes;
    }

    /// <summary>The envelopes as NDJSON: one JSON object per line.</summary>
    public static string ToNdjson(IEnumerable<Envelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var text = new StringBuilder();
        foreach (var envelope in envelopes)
            text.Append(JsonSerializer.Serialize(envelope, Json)).Append('\n');
        return text.ToString();
    }

    /// <summary>Cucumber's official HTML report of the envelopes (self-contained: its script and style are inlined).</summary>
    public static string ToHtml(IEnumerable<Envelope> envelopes, string title)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        using var stream = new MemoryStream();
        var writer = new MessagesToHtmlWriter(stream, (output, envelope) =>
        {
            output.Write(JsonSerializer.Serialize(envelope, Json));
            return Task.CompletedTask;
        }, new HtmlReportSettings { Title = title });
        foreach (var envelope in envelopes)
            writer.WriteAsync(envelope).GetAwaiter().GetResult();
        writer.DisposeAsync().GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void AddExecution(List<Envelope> envelopes, IncrementingIdGenerator ids, ScenarioResult result, TestCase testCase)
    {
        var startedId = ids.GetNewId();
        var clock = result.StartedAt;
        envelopes.Add(Envelope.Create(new TestCaseStarted(0, startedId, testCase.Id, null, Timestamp(clock))));
        var hookFailures = result.BeforeHooks.Concat(result.AfterHooks).Where(h => h.Status == StepStatus.Failed).Select(h => $"hook {h.Location} failed: {h.Error}").ToList();
        for (var i = 0; i < testCase.TestSteps.Count; i++)
        {
            var stepId = testCase.TestSteps[i].Id;
            var step = i < result.Steps.Count ? result.Steps[i] : null;
            envelopes.Add(Envelope.Create(new TestStepStarted(startedId, stepId, Timestamp(clock))));
            var attachments = step?.Attachments.Select(a => (a.Title, a.Kind, a.Content, a.MediaType)).ToList() ?? [];
            if (i == 0)
                attachments.AddRange(hookFailures.Select(f => ("hook", AttachmentKind.Text, f, "text/plain")));
            if (i == testCase.TestSteps.Count - 1 && result.Metrics.Count > 0)
                attachments.Add(("metrics", AttachmentKind.Text, string.Join("\n", result.Metrics.Select(MetricLine)), "text/plain"));
            foreach (var (title, kind, content, mediaType) in attachments)
            {
                var svg = kind == AttachmentKind.Svg;
                envelopes.Add(Envelope.Create(new Messages.Attachment(
                    svg ? Convert.ToBase64String(Encoding.UTF8.GetBytes(content)) : content,
                    svg ? AttachmentContentEncoding.BASE64 : AttachmentContentEncoding.IDENTITY,
                    title, mediaType, null, startedId, stepId, null, null, null, Timestamp(clock))));
            }

            var duration = step?.Duration ?? TimeSpan.Zero;
            clock += duration;
            // A step the scenario never reached (a hook failed or the scenario was skipped) is skipped, with the reason.
            var status = step?.Status ?? StepStatus.Skipped;
            var message = step is null ? result.SkipReason : step.Error;
            envelopes.Add(Envelope.Create(new TestStepFinished(startedId, stepId, new TestStepResult(Duration(duration), message, Status(status), null), Timestamp(clock))));
        }

        envelopes.Add(Envelope.Create(new TestCaseFinished(startedId, Timestamp(result.StartedAt + result.Duration), false)));
    }

    static string MetricLine(Metric m)
    {
        var interval = m.Low is double low && m.High is double high ? string.Create(CultureInfo.InvariantCulture, $" [{low:G6}, {high:G6}]") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{m.Name} = {m.Value:G6}{interval} {m.Unit}").TrimEnd();
    }

    static TestStepResultStatus Status(StepStatus status) => status switch
    {
        StepStatus.Passed => TestStepResultStatus.PASSED,
        StepStatus.Failed => TestStepResultStatus.FAILED,
        StepStatus.Skipped => TestStepResultStatus.SKIPPED,
        StepStatus.Undefined => TestStepResultStatus.UNDEFINED,
        StepStatus.Pending => TestStepResultStatus.PENDING,
        StepStatus.Ambiguous => TestStepResultStatus.AMBIGUOUS,
        _ => TestStepResultStatus.UNKNOWN,
    };

    static Messages.Timestamp Timestamp(DateTimeOffset at)
    {
        var ticks = at.UtcDateTime.Ticks - DateTime.UnixEpoch.Ticks;
        return new Messages.Timestamp(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    static Messages.Duration Duration(TimeSpan span) =>
        new(span.Ticks / TimeSpan.TicksPerSecond, span.Ticks % TimeSpan.TicksPerSecond * 100);

    // Cucumber's enums carry their wire names in [Description] ("PASSED", "text/x.cucumber.gherkin+plain").
    sealed class DescriptionEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Namespace == typeof(Envelope).Namespace;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(DescriptionEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    sealed class DescriptionEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<DescriptionAttribute>()?.Description ?? v.ToString());

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return Names.First(n => n.Value == text).Key;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Names[value]);
    }
}
