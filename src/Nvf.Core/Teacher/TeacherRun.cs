using System.Diagnostics;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>
/// The seed's Task 2, option A, on any <see cref="IVectorStore"/>: index the corpus, log the store's
/// answers to three query sets (soft attention training, reranker training, held-out) into
/// query-log files, train both NVF stages from the files (labels = the store's top-1), and measure
/// NVF's agreement with the store on the held-out log beside NVF trained on generator labels.
/// Call <see cref="LogAsync"/>, <see cref="TrainFromLogs"/>, <see cref="Evaluate"/> in order.
/// </summary>
public sealed class TeacherRun
{
    private const string SoftAttentionPurpose = "soft attention training", RerankerPurpose = "reranker training", EvaluationPurpose = "held-out evaluation";
    private readonly List<TeacherLogFile> _logs = [];
    private string? _store;
    private (double Wall, double Cpu) _logTime, _trainTime;
    private TrainedSoftAttention? _softAttention;
    private TrainedReranker? _reranker;

    /// <summary>A run on <paramref name="database"/> writing its logs into <paramref name="logFolder"/> (which must exist).</summary>
    public TeacherRun(NvfDatabase database, TeacherConfig teacher, SoftAttentionConfig softAttention, RerankerConfig reranker, RerankerDesign design, string logFolder)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentException.ThrowIfNullOrWhiteSpace(logFolder);
        if (teacher.LogK < reranker.CandidateCount)
            throw new ArgumentException($"{teacher.Name} logs the top {teacher.LogK}; expected at least the reranker's {reranker.CandidateCount} candidates ({reranker.Name})", nameof(teacher));
        if (!Directory.Exists(logFolder))
            throw new DirectoryNotFoundException($"log folder {logFolder} does not exist; expected an existing folder for the query-log files");
        Database = database;
        Teacher = teacher;
        SoftAttentionConfig = softAttention;
        RerankerConfig = reranker;
        Design = design;
        LogFolder = logFolder;
    }

    /// <summary>The indexed corpus.</summary>
    public NvfDatabase Database { get; }

    /// <summary>The teacher config.</summary>
    public TeacherConfig Teacher { get; }

    /// <summary>Soft attention's run config (its training queries are logged).</summary>
    public SoftAttentionConfig SoftAttentionConfig { get; }

    /// <summary>The reranker's run config (its training queries are logged).</summary>
    public RerankerConfig RerankerConfig { get; }

    /// <summary>The reranker architecture.</summary>
    public RerankerDesign Design { get; }

    /// <summary>Where the query-log files go.</summary>
    public string LogFolder { get; }

    /// <summary>The log files written so far.</summary>
    public IReadOnlyList<TeacherLogFile> Logs => _logs;

    /// <summary>Indexes the corpus into <paramref name="store"/>, queries it and writes the three query-log files.</summary>
    public async Task LogAsync(IVectorStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await StoreTeacher.IndexAsync(store, Database, Teacher.Metric, cancellationToken).ConfigureAwait(false);
        _store = store.Describe().Kind;
        _logs.Clear();
        foreach (var (purpose, queries, drawn) in GeneratorLabelled())
        {
            var log = await StoreTeacher.LogAsync(store, queries.Queries, Teacher.LogK, Teacher.SearchBatch, Database.Key, drawn, cancellationToken).ConfigureAwait(false);
            var path = Path.Combine(LogFolder, $"{purpose.Replace(' ', '-')}.nvflog.npz");
            log.Save(path);
            var agreement = QueryLogLabels.Agreement(QueryLogLabels.ToQuerySet(log, Database), queries);
            _logs.Add(new TeacherLogFile(purpose, path, new FileInfo(path).Length, log.Count, log.K, agreement));
        }

        _logTime = (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Reads the two training logs back from their files and trains soft attention, then the reranker on its candidates, with the store's labels.</summary>
    public void TrainFromLogs() => _trainTime = TeacherTiming.Measure(() =>
    {
        var softAttentionQueries = QueryLogLabels.ToQuerySet(QueryLog.Load(LogOf(SoftAttentionPurpose).Path), Database);
        _softAttention = SoftAttentionTrainer.Train(Database, SoftAttentionConfig, softAttentionQueries);
        var rerankerQueries = QueryLogLabels.ToQuerySet(QueryLog.Load(LogOf(RerankerPurpose).Path), Database);
        _reranker = RerankerTrainer.Train(_softAttention, Design, RerankerConfig, rerankerQueries);
    });

    /// <summary>
    /// NVF's agreement with the store on the held-out log (read back from its file), beside NVF
    /// trained on generator labels (the run's memo) evaluated on the same queries.
    /// </summary>
    /// <param name="models">Where the reference models trained on generator labels are kept for the run.</param>
    public TeacherReport Evaluate(TrainedModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var softAttention = _softAttention ?? throw new InvalidOperationException("NVF has not been trained from the logs; call TrainFromLogs first");
        var reranker = _reranker!;
        int k = RerankerConfig.CandidateCount;
        PipelineEvaluation? fromLog = null, reference = null;
        var (wall, cpu) = TeacherTiming.Measure(() =>
        {
            var heldOut = QueryLogLabels.ToQuerySet(QueryLog.Load(LogOf(EvaluationPurpose).Path), Database);
            fromLog = PipelineEvaluator.Evaluate(softAttention, reranker.Model, heldOut, k);
            var referenceSoftAttention = models.SoftAttention(Database, SoftAttentionConfig);
            var referenceReranker = models.Reranker(referenceSoftAttention, Design, RerankerConfig);
            reference = PipelineEvaluator.Evaluate(referenceSoftAttention, referenceReranker.Model, TeacherQueries.Evaluation(Database, Teacher.EvaluationQueries), k);
        });
        var timing = new TeacherTiming(_logTime.Wall, _logTime.Cpu, _trainTime.Wall, _trainTime.Cpu, wall, cpu);
        return new TeacherReport(_store!, _logs.ToList(), fromLog!, reference!, softAttention.Curve, reranker.Curve, timing);
    }

    /// <summary>The three query sets with generator labels, and how each was drawn (for the log's header).</summary>
    private IEnumerable<(string Purpose, QuerySet Queries, string Drawn)> GeneratorLabelled()
    {
        yield return (SoftAttentionPurpose, TeacherQueries.SoftAttentionTraining(Database, SoftAttentionConfig),
            $"uniform unit queries for soft attention training ({SoftAttentionConfig.Name}: seed {SoftAttentionConfig.Seed}, stream {QueryStream.SoftAttentionTraining})");
        yield return (RerankerPurpose, TeacherQueries.RerankerTraining(Database, RerankerConfig),
            $"uniform unit queries for reranker training ({RerankerConfig.Name}: seed {RerankerConfig.Seed}, stream {QueryStream.RerankerTraining})");
        yield return (EvaluationPurpose, TeacherQueries.Evaluation(Database, Teacher.EvaluationQueries),
            $"held-out uniform unit queries (database seed {Database.Seed}, stream {QueryStream.Evaluation})");
    }

    private TeacherLogFile LogOf(string purpose) =>
        _logs.FirstOrDefault(l => l.Purpose == purpose) ?? throw new InvalidOperationException($"no {purpose} log yet; call LogAsync with a store first");
}
