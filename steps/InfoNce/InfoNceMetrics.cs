using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Core.Retrieval;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>
/// Records a scenario's headline figures under "infonce.*" names, each name at most once per
/// scenario (a second recording is a defect in the steps, so it throws).
/// </summary>
public sealed class InfoNceMetrics(ScenarioEvidence scenario)
{
    readonly HashSet<string> recorded = [];

    /// <summary>
    /// The first part of every name: "infonce" on the generated data and a researcher's files; a real-data feature
    /// sets its own ("real.python_docs") so its figures are never compared with the generated data's baseline.
    /// </summary>
    public string Namespace { get; set; } = "infonce";

    /// <summary>"attention.pure_infonce", "attention.two_tower.shuffled": the metric name part of a run.</summary>
    public static string Part(ModelRunKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var part = $"{Name(KebabName.Format(key.Encoder))}.{Name(KebabName.Format(key.Objective))}";
        return key.Targets == Core.Artifacts.TrainingTargets.Shuffled ? part + ".shuffled" : part;
    }

    /// <summary>"generated", "stale_index": the metric name part of a config file "infonce-generated.json".</summary>
    public static string ConfigPart(string configFile)
    {
        var stem = Path.GetFileNameWithoutExtension(configFile);
        return Name(stem.StartsWith("infonce-", StringComparison.Ordinal) ? stem["infonce-".Length..] : stem);
    }

    /// <summary>A plain number of <paramref name="kind"/> (a diagnostic that only tracks, unless <paramref name="bound"/> is given).</summary>
    public void Record(string name, double value, MetricDirection direction, string unit = "", MetricKind kind = MetricKind.Diagnostic, double? bound = null) =>
        Add(new Metric(name, value, direction) { Unit = unit, Kind = kind, Bound = bound });

    /// <summary>A success criterion with its 95% interval (null when its standard error is unknown).</summary>
    public void Record(string name, double value, (double Low, double High)? interval, MetricDirection direction = MetricDirection.HigherIsBetter) =>
        Add(new Metric(name, value, direction) { Low = interval?.Low, High = interval?.High, Kind = MetricKind.Criterion });

    /// <summary>A proportion with its Wilson 95% interval.</summary>
    public void Record(string name, ProportionEstimate value, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(value);
        Add(new Metric(name, value.Estimate, direction) { Low = value.Lower, High = value.Upper, Kind = MetricKind.Criterion });
    }

    /// <summary>The figures a Core result emits (<see cref="Figure"/>), each under <paramref name="prefix"/> + "." + its name.</summary>
    public void Record(string prefix, params IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var figure in figures)
            Add(figure.ToMetric(prefix));
    }

    void Add(Metric metric)
    {
        if (Namespace != "infonce" && metric.Name.StartsWith("infonce.", StringComparison.Ordinal))
            metric = metric with { Name = Namespace + metric.Name["infonce".Length..] };
        if (!recorded.Add(metric.Name))
            throw new InvalidOperationException($"metric '{metric.Name}' recorded twice in one scenario; expected each headline figure once");
        scenario.RecordCatalogued(metric);
    }

    static string Name(string kebab) => kebab.Replace('-', '_');
}
