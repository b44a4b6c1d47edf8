using System.Text.Json;
using System.Text.Json.Serialization;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// A finished run's results as JSON, complete enough to re-render every report byte for byte: each scenario
/// (its feature, tags, steps with tables and DocStrings), each step and hook result with duration, error and
/// attachments, metrics, run hooks, refused files, start time and duration. Tool sections are not kept: the
/// tool that added them re-creates them from its own records.
/// </summary>
public static class RunReportJson
{
    /// <summary>The file name tools keep it under in a run folder.</summary>
    public const string FileName = "results.json";

    /// <summary>Version of the layout; <see cref="Read"/> refuses any other.</summary>
    public const int FormatVersion = 1;

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as JSON text (sections are left out).</summary>
    /// <param name="report">The run.</param>
    public static string Write(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var features = report.Features.ToList();
        var document = new RunDocument(
            FormatVersion,
            report.StartedAt,
            report.Duration.Ticks,
            report.DryRun,
            report.RefusedFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new RefusedDocument(f.Key, f.Value)).ToList(),
            report.RunHooks.Select(Hook).ToList(),
            features.Select(f => new FeatureDocument(f.Uri, f.Name, f.Keyword, f.Description, f.Line, f.Tags.ToList(), f.BackgroundLine, f.BackgroundName)).ToList(),
            report.Results.Select(r => Result(r, features.IndexOf(r.Scenario.Feature))).ToList());
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; a <see cref="JsonException"/> names <paramref name="source"/> and the problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where the text came from (a path), for error messages.</param>
    public static RunReport Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        RunDocument document;
        try
        {
            document = JsonSerializer.Deserialize<RunDocument>(json, Json) ?? throw new JsonException("the document is 'null'");
        }
        catch (JsonException e)
        {
            throw new JsonException($"{source}: not a recorded run ({e.Message}); expected the {FileName} a gate run writes.", e);
        }

        if (document.Version != FormatVersion)
        {
            throw new JsonException($"{source}: layout version {document.Version}; expected {FormatVersion} (written by an other version of nvf).");
        }

        var features = document.Features.Select(f => new FeatureInfo(f.Uri, f.Name, f.Keyword, f.Description, f.Line, f.Tags, f.BackgroundLine, f.BackgroundName)).ToList();
        var results = new List<ScenarioResult>();
        foreach (var r in document.Results)
        {
            if (r.Feature < 0 || r.Feature >= features.Count)
            {
                throw new JsonException($"{source}: scenario '{r.Name}' names feature #{r.Feature}; expected 0..{features.Count - 1}.");
            }

            var steps = r.Steps.Select(s => new StepInfo(s.Keyword, s.Kind, s.Text, s.Line, s.Table is null ? null : new DataTable(s.Table, s.TableLine), s.DocString, s.FromBackground)).ToList();
            var scenario = new ScenarioInfo(features[r.Feature], r.Name, r.Keyword, r.Description, r.Line, r.Tags, steps)
            {
                ExampleValues = r.ExampleValues.Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList(),
                ExamplesName = r.ExamplesName,
                ExampleRow = r.ExampleRow,
                Rule = r.Rule ?? "",
            };
            var result = new ScenarioResult(scenario, r.StartedAt, r.DryRun) { Duration = TimeSpan.FromTicks(r.DurationTicks), SkipReason = r.SkipReason };
            result.BeforeHooks.AddRange(r.BeforeHooks.Select(Hook));
            result.AfterHooks.AddRange(r.AfterHooks.Select(Hook));
            result.Steps.AddRange(r.StepResults.Select(s => new StepResult(steps[s.Step], s.Status, TimeSpan.FromTicks(s.DurationTicks), s.Error, s.MatchLocation, s.Arguments, s.Attachments.Select(Attachment).ToList())));
            result.Metrics.AddRange(r.Metrics);
            result.Answers.AddRange(r.Answers ?? []);
            result.PeakResidentBytes = r.PeakResidentBytes;
            results.Add(result);
        }

        return new RunReport(
            results,
            document.RunHooks.Select(Hook).ToList(),
            document.RefusedFiles.ToDictionary(f => f.Uri, f => f.Errors),
            document.StartedAt,
            TimeSpan.FromTicks(document.DurationTicks),
            document.DryRun);
    }

    static ResultDocument Result(ScenarioResult r, int feature)
    {
        var s = r.Scenario;
        return new ResultDocument(
            feature,
            s.Name,
            s.Keyword,
            s.Description,
            s.Line,
            s.Tags.ToList(),
            s.ExampleValues.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]).ToList(),
            s.ExamplesName,
            s.ExampleRow,
            s.Steps.Select(t => new StepDocument(t.Keyword, t.Kind, t.Text, t.Line, t.Table?.AllRows, t.Table?.Line ?? 0, t.DocString, t.FromBackground)).ToList(),
            r.StartedAt,
            r.DryRun,
            r.Duration.Ticks,
            r.SkipReason,
            r.BeforeHooks.Select(Hook).ToList(),
            r.Steps.Select(t => new StepResultDocument(IndexOf(s.Steps, t.Step), t.Status, t.Duration.Ticks, t.Error, t.MatchLocation, t.Arguments, t.Attachments.Select(Attachment).ToList())).ToList(),
            r.AfterHooks.Select(Hook).ToList(),
            r.Metrics.ToList(),
            r.Answers.ToList(),
            r.PeakResidentBytes,
            s.Rule.Length == 0 ? null : s.Rule);
    }

    // Steps are records: equal values are equal steps, so the position is looked up by reference first.
    static int IndexOf(IReadOnlyList<StepInfo> steps, StepInfo step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (ReferenceEquals(steps[i], step))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"step '{step.Keyword}{step.Text}' (line {step.Line}) is not a step of its scenario; expected results to refer to the scenario's own steps.");
    }

    static HookDocument Hook(HookResult h) => new(h.Kind, h.Location, h.Status, h.Duration.Ticks, h.Error, h.Attachments.Select(Attachment).ToList());

    static HookResult Hook(HookDocument h) => new(h.Kind, h.Location, h.Status, TimeSpan.FromTicks(h.DurationTicks), h.Error, h.Attachments.Select(Attachment).ToList());

    static AttachmentDocument Attachment(Attachment a) => new(a.Kind, a.Title, a.Content, a.Headers, a.Rows);

    static Attachment Attachment(AttachmentDocument a) =>
        a.Kind == AttachmentKind.Table ? Running.Attachment.Table(a.Title, a.Headers, a.Rows) : Running.Attachment.Document(a.Kind, a.Title, a.Content);

    sealed record RunDocument(int Version, DateTimeOffset StartedAt, long DurationTicks, bool DryRun, IReadOnlyList<RefusedDocument> RefusedFiles, IReadOnlyList<HookDocument> RunHooks, IReadOnlyList<FeatureDocument> Features, IReadOnlyList<ResultDocument> Results);

    sealed record RefusedDocument(string Uri, string Errors);

    sealed record FeatureDocument(string Uri, string Name, string Keyword, string Description, int Line, IReadOnlyList<Tag> Tags, int BackgroundLine, string BackgroundName);

    sealed record ResultDocument(
        int Feature,
        string Name,
        string Keyword,
        string Description,
        int Line,
        IReadOnlyList<Tag> Tags,
        IReadOnlyList<IReadOnlyList<string>> ExampleValues,
        string ExamplesName,
        int ExampleRow,
        IReadOnlyList<StepDocument> Steps,
        DateTimeOffset StartedAt,
        bool DryRun,
        long DurationTicks,
        string? SkipReason,
        IReadOnlyList<HookDocument> BeforeHooks,
        IReadOnlyList<StepResultDocument> StepResults,
        IReadOnlyList<HookDocument> AfterHooks,
        IReadOnlyList<Metric> Metrics,
        IReadOnlyList<Answer>? Answers,
        long? PeakResidentBytes = null,
        string? Rule = null);

    sealed record StepDocument(string Keyword, StepKind Kind, string Text, int Line, IReadOnlyList<IReadOnlyList<string>>? Table, int TableLine, DocString? DocString, bool FromBackground);

    sealed record StepResultDocument(int Step, StepStatus Status, long DurationTicks, string? Error, string? MatchLocation, IReadOnlyList<string> Arguments, IReadOnlyList<AttachmentDocument> Attachments);

    sealed record HookDocument(HookKind Kind, string Location, StepStatus Status, long DurationTicks, string? Error, IReadOnlyList<AttachmentDocument> Attachments);

    sealed record AttachmentDocument(AttachmentKind Kind, string Title, string Content, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
}
