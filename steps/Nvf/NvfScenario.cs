using System.Globalization;
using Nvf.Core.Criteria;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>What an NVF scenario has built so far; injected into every NVF step class (one per scenario).</summary>
/// <param name="models">The run's memo of databases and trained models.</param>
public sealed class NvfScenario(RunTrainedModels models) : IDisposable
{
    /// <summary>The run's memo of databases and trained models (each distinct data and config trained once per run).</summary>
    public TrainedModels Models { get; } = models;

    readonly HashSet<string> recorded = new(StringComparer.Ordinal);
    NvfDatabase? database;
    TrainedSoftAttention? softAttention;

    /// <summary>The database the scenario searches.</summary>
    public NvfDatabase Database
    {
        get => database ?? throw new InvalidOperationException("No database yet; expected a 'Given a database ...' or 'Given a clustered corpus ...' step first.");
        set => database = value;
    }

    /// <summary>The clustered corpus behind <see cref="Database"/>, if it is one.</summary>
    public ClusteredCorpus? Corpus { get; set; }

    /// <summary>The query distribution of the scenario (uniform exact-NN until a step says otherwise).</summary>
    public NvfQueryDistribution Distribution { get; set; } = NvfQueryDistribution.UniformNearestNeighbour;

    /// <summary>The first stage in use.</summary>
    public TrainedSoftAttention SoftAttention
    {
        get => softAttention ?? throw new InvalidOperationException("No soft attention model yet; expected a step that trains one first.");
        set => softAttention = value;
    }

    /// <summary>The separately trained reranker in use, if any.</summary>
    public TrainedReranker? Reranker { get; set; }

    /// <summary>The jointly fine-tuned pipeline, if any (evaluation then uses it).</summary>
    public JointFineTuneResult? Joint { get; set; }

    /// <summary>The last evaluation.</summary>
    public PipelineEvaluation? Evaluation { get; set; }

    /// <summary>The separate and joint pipelines on the same queries, when <see cref="Joint"/> was evaluated.</summary>
    public JointComparison? Comparison { get; set; }

    /// <summary>The evaluation query set, kept for comparisons on the same queries.</summary>
    public QuerySet? EvaluationQueries { get; set; }

    /// <summary>A measured oracle ceiling.</summary>
    public ProportionEstimate? Ceiling { get; set; }

    /// <summary>The measured clustering of <see cref="Corpus"/>.</summary>
    public ClusteringReport? Clustering { get; set; }

    /// <summary>The last gradient-flow probe.</summary>
    public GradientFlowReport? Gradients { get; set; }

    /// <summary>Metric name part of the last gradient probe through a relaxed Top-K ("straight_through", "gumbel_softmax").</summary>
    public string? GradientProbe { get; set; }

    /// <summary>The pipeline behind the model-file interfaces (researcher-models.feature), if any.</summary>
    public PipelineUnderTest? PipelineFiles { get; set; }

    /// <summary>The last judged criterion.</summary>
    public CriterionVerdict? Verdict { get; set; }

    /// <summary>The oracle ceiling measured by its own step, else the last evaluation's.</summary>
    public ProportionEstimate OracleCeiling => Ceiling ?? Evaluated.OracleTop1;

    /// <summary>The last evaluation, or a clear error when none ran.</summary>
    public PipelineEvaluation Evaluated => Evaluation ?? throw new InvalidOperationException("Nothing evaluated yet; expected 'the pipeline is evaluated on N fresh queries' first.");

    /// <summary>
    /// Dotted name stem of this scenario's metrics, from what it built: "nvf.clustered.0_05" on a
    /// clustered corpus, "nvf.oracle.noisy_source" on the noisy-source distribution, "nvf.joint" after
    /// joint fine-tuning, "nvf.reranker.rich_features" with a reranker, else "nvf.soft_attention"
    /// (".seed_loss" when trained with the seed's loss).
    /// </summary>
    public string MetricPrefix =>
        PipelineFiles is { } files ? (files.Researcher is null ? "nvf.model_files" : "nvf.researcher")
        : Corpus is { } corpus ? "nvf.clustered." + corpus.Noise.ToString("0.0##", CultureInfo.InvariantCulture).Replace('.', '_')
        : Distribution.NoisySourceNoise is not null ? "nvf.oracle.noisy_source"
        : Joint is not null ? "nvf.joint"
        : Reranker is { } reranker ? "nvf.reranker." + Snake(reranker.Model.Design)
        : softAttention?.Config.Loss == SoftAttentionLoss.SeedLogSoftmax ? "nvf.soft_attention.seed_loss"
        : "nvf.soft_attention";

    /// <summary>What the scenario's answers are about: "generated data", "clustered, spread 0.05", "your models", …</summary>
    public string AnswerCase =>
        PipelineFiles is { } files ? (files.Researcher is null ? "the gate's models as model files" : "your models")
        : Corpus is { } corpus ? "clustered corpus, spread " + corpus.Noise.ToString("0.0##", CultureInfo.InvariantCulture)
        : Distribution.NoisySourceNoise is not null ? "noisy-source queries"
        : "generated data";

    /// <summary>Records <paramref name="estimate"/> (with its Wilson interval) as <see cref="MetricPrefix"/>.<paramref name="measure"/>, once per scenario.</summary>
    public void Record(IMetrics metrics, string measure, ProportionEstimate estimate, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        Record(metrics, new Metric($"{MetricPrefix}.{measure}", estimate.Estimate, direction) { Low = estimate.Lower, High = estimate.Upper, Kind = MetricKind.Criterion });
    }

    /// <summary>Records <paramref name="metric"/> unless this scenario already recorded that name (each headline figure once per scenario).</summary>
    public void Record(IMetrics metrics, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(metric);
        if (recorded.Add(metric.Name))
        {
            metrics.RecordCatalogued(metric);
        }
    }

    /// <summary>Frees the model files of <see cref="PipelineFiles"/>.</summary>
    public void Dispose() => PipelineFiles?.Dispose();

    static string Snake(RerankerDesign design) => design switch
    {
        RerankerDesign.Concatenation => "concatenation",
        RerankerDesign.RichFeatures => "rich_features",
        RerankerDesign.Improved => "improved",
        _ => throw new ArgumentOutOfRangeException(nameof(design), design, "expected concatenation, rich-features or improved"),
    };
}
