using System.Text.Json;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>
/// What a scenario leaves as evidence beside its verdict: attached tables, plots and texts, recorded
/// metrics, progress messages, and an explicit skip. One per scenario; a step class asks for it by
/// constructor (Reqnroll injects it next to its own <c>ScenarioContext</c>), and the runner's execution-event
/// listener files each attachment under the step or hook that made it.
/// </summary>
public sealed class ScenarioEvidence : IAttachments, IMetrics
{
    readonly ScenarioResult result;
    readonly Dictionary<string, string> metricOwners;
    readonly List<Metric> metrics;
    readonly List<Answer> answers;
    readonly Action<RunProgress>? progress;
    List<Attachment> sink = [];

    internal ScenarioEvidence(ScenarioInfo scenario, ScenarioResult result, Action<RunProgress>? progress, Dictionary<string, string>? metricOwners = null)
    {
        Scenario = scenario;
        this.result = result;
        this.metricOwners = metricOwners ?? new Dictionary<string, string>(StringComparer.Ordinal);
        metrics = result.Metrics;
        answers = result.Answers;
        this.progress = progress;
    }

    /// <summary>The scenario being run.</summary>
    public ScenarioInfo Scenario { get; }

    /// <summary>Its feature.</summary>
    public FeatureInfo Feature => Scenario.Feature;

    /// <summary>The step being run, or null inside scenario hooks.</summary>
    public StepInfo? CurrentStep { get; internal set; }

    /// <summary>Stops the scenario and reports it SKIPPED with the reason (never passed).</summary>
    /// <param name="reason">Which precondition is missing and how to provide it.</param>
    public static void Skip(string reason) => throw new ScenarioSkippedException(reason);

    /// <inheritdoc/>
    public void AttachTable(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var bad = rows.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Count != headers.Count);
        if (bad.r is not null)
        {
            throw new ArgumentException($"Row {bad.i} has {bad.r.Count} cells; expected {headers.Count} like the headers.", nameof(rows));
        }

        sink.Add(Attachment.Table(title, headers, rows));
    }

    /// <inheritdoc/>
    public void AttachSvg(string title, string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (!svg.TrimStart().StartsWith("<svg", StringComparison.Ordinal) && !svg.TrimStart().StartsWith("<?xml", StringComparison.Ordinal))
        {
            throw new ArgumentException("An SVG attachment must be an <svg> document; got text that does not start with <svg or <?xml.", nameof(svg));
        }

        sink.Add(Attachment.Document(AttachmentKind.Svg, title ?? "", svg));
    }

    /// <inheritdoc/>
    public void AttachText(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        sink.Add(Attachment.Document(AttachmentKind.Text, title ?? "", text));
    }

    /// <inheritdoc/>
    public void AttachJson(string title, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"A JSON attachment must be valid JSON: {e.Message}", nameof(json), e);
        }

        sink.Add(Attachment.Document(AttachmentKind.Json, title ?? "", json));
    }

    /// <inheritdoc/>
    public void RecordMetric(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (string.IsNullOrWhiteSpace(metric.Name))
        {
            throw new ArgumentException("A metric needs a non-blank name such as \"area.thing.measure\".", nameof(metric));
        }

        if (!double.IsFinite(metric.Value) || metric.Low is { } low && !double.IsFinite(low) || metric.High is { } high && !double.IsFinite(high))
        {
            throw new ArgumentException($"Metric '{metric.Name}' has a value or interval that is not finite ({metric.Value}, [{metric.Low}, {metric.High}]); expected finite numbers.", nameof(metric));
        }

        // Baselines, trends and the history key metrics by name: one name, one value per run.
        lock (metricOwners)
        {
            if (metricOwners.TryGetValue(metric.Name, out var owner))
            {
                throw new InvalidOperationException(owner == Scenario.DisplayName
                    ? $"Metric '{metric.Name}' was already recorded by this scenario; expected each metric name once per run (baselines and trends key metrics by name)."
                    : $"Metric '{metric.Name}' was already recorded in this run by '{owner}'; expected each metric name once per run (baselines and trends key metrics by name): give this scenario's figure its own name.");
            }

            metricOwners[metric.Name] = Scenario.DisplayName;
        }

        metrics.Add(metric);
    }

    /// <summary>Records the peak resident memory of the process during the scenario (measured by a hook), kept with its result.</summary>
    /// <param name="bytes">The peak, in bytes.</param>
    public void RecordPeakMemory(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        result.PeakResidentBytes = bytes;
    }

    /// <summary>Records the scenario's answer to a question of the research notes (one per question and case).</summary>
    /// <param name="answer">The answer.</param>
    public void RecordAnswer(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer.Question);
        if (answers.Any(a => a.Question == answer.Question && a.Case == answer.Case))
        {
            throw new ArgumentException($"The scenario already answered '{answer.Question}' for case '{answer.Case}'; expected one answer per question and case.", nameof(answer));
        }

        answers.Add(answer);
    }

    /// <inheritdoc/>
    public void ReportProgress(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        progress?.Invoke(new RunProgress(RunProgressKind.Message, Scenario, CurrentStep, message, null));
    }

    // Reqnroll's IReqnrollOutputHelper.WriteLine: consecutive lines gather into one "output" text attachment.
    internal void AppendOutput(string line)
    {
        if (sink.Count > 0 && sink[^1] is { Kind: AttachmentKind.Text, Title: OutputTitle } last)
        {
            sink[^1] = Attachment.Document(AttachmentKind.Text, OutputTitle, last.Content + Environment.NewLine + line);
        }
        else
        {
            sink.Add(Attachment.Document(AttachmentKind.Text, OutputTitle, line));
        }
    }

    // Reqnroll's IReqnrollOutputHelper.AddAttachment(path): the file's content goes into the reports, by its extension.
    internal void AttachFile(string path)
    {
        var kind = KindOfFile(path);
        var content = File.ReadAllText(path);
        var title = Path.GetFileName(path);
        switch (kind)
        {
            case AttachmentKind.Svg:
                AttachSvg(title, content);
                break;
            case AttachmentKind.Json:
                AttachJson(title, content);
                break;
            default:
                AttachText(title, content);
                break;
        }
    }

    /// <summary>How a file attached by path is embedded in the reports; throws when it cannot be.</summary>
    /// <param name="path">The file a step attached.</param>
    internal static AttachmentKind KindOfFile(string path)
    {
        var kind = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".svg" => AttachmentKind.Svg,
            ".json" => AttachmentKind.Json,
            ".txt" or ".log" or ".md" or ".csv" or ".tsv" => AttachmentKind.Text,
            _ => throw new NotSupportedException($"Cannot attach '{path}': the reports embed text (.txt .log .md .csv .tsv), JSON (.json) and SVG (.svg) files; expected one of those, or attach the content with ScenarioEvidence."),
        };
        return File.Exists(path) ? kind : throw new FileNotFoundException($"Cannot attach '{path}': no such file.", path);
    }

    const string OutputTitle = "output";

    // The runner points attachments at the step (or hook) that is running.
    internal void DirectAttachmentsTo(List<Attachment> target) => sink = target;
}
