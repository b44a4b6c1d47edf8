using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Per-scenario state of the InfoNCE features: the run config, its shared session, and what the steps measured.</summary>
public sealed class InfoNceContext(ScenarioEvidence scenario, GateInputs inputs, RunInfoNceSessions sessions)
{
    string? dataLabel;
    InfoNceRunConfig? config;
    string? configFile;
    InfoNceSession? session;

    /// <summary>Where tables go.</summary>
    public ScenarioEvidence Scenario { get; } = scenario;

    /// <summary>The scenario's headline figures.</summary>
    public InfoNceMetrics Metrics { get; } = new(scenario);

    /// <summary>Live progress of every training in the scenario.</summary>
    public IProgress<TrainingProgress> Progress { get; } = scenario.TrainingProgress();

    /// <summary>The config file name of the Background ("infonce-generated.json").</summary>
    public string ConfigFile => configFile ?? throw new InvalidOperationException("No run configuration; expected the step 'the payload and eval set of the run configuration \"...\"' first.");

    /// <summary>The run config of the Background.</summary>
    public InfoNceRunConfig Config => config ?? throw new InvalidOperationException("No run configuration; expected the step 'the payload and eval set of the run configuration \"...\"' first.");

    /// <summary>The data session of the config.</summary>
    public InfoNceSession Session => session ?? throw new InvalidOperationException("No data session; expected the step 'the payload and eval set of the run configuration \"...\"' first.");

    /// <summary>Which index the oracle check searches.</summary>
    public OracleIndexVariant OracleVariant { get; set; } = OracleIndexVariant.Payload;

    /// <summary>True when the norm check runs on the scaled-norm control.</summary>
    public bool PayloadScaled { get; set; }

    /// <summary>True when eval alignment runs with keys off by one chunk.</summary>
    public bool KeysShifted { get; set; }

    /// <summary>Last oracle recall result.</summary>
    public OracleRecallCheckResult? Oracle { get; set; }

    /// <summary>Last normalization result.</summary>
    public NormalizationCheckResult? Normalization { get; set; }

    /// <summary>Last alignment result.</summary>
    public EvalAlignmentCheckResult? Alignment { get; set; }

    /// <summary>Last provenance record.</summary>
    public EvalProvenance? Provenance { get; set; }

    /// <summary>Models trained in this scenario, in order, with their epoch-1 measurement.</summary>
    public List<(ModelRunKey Key, EpochMeasurement Measurement)> Trained { get; } = [];

    /// <summary>The flat-index retrieval of the last model.</summary>
    public RetrievalReport? Flat { get; set; }

    /// <summary>The last auto-evaluation.</summary>
    public AutoEvaluationReport? Evaluation { get; set; }

    /// <summary>Decision, tier or verdict of the pure-function scenarios.</summary>
    public string? Outcome { get; set; }

    /// <summary>The last trained model and its measurement.</summary>
    public (ModelRunKey Key, EpochMeasurement Measurement) Last =>
        Trained.Count > 0 ? Trained[^1] : throw new InvalidOperationException("No model trained; expected a step 'the \"...\" model is trained for 1 epoch ...' first.");

    /// <summary>The predictions file the predictions feature evaluates, once named.</summary>
    public string? PredictionsFile { get; set; }

    /// <summary>What the gate found of that file, once evaluated.</summary>
    public PredictionReport? Predictions { get; set; }

    /// <summary>What the run was given (the researcher's artifacts, predictions, model, Qdrant collection).</summary>
    public GateInputs Inputs { get; } = inputs;

    /// <summary>What this scenario's answers are about: "generated data", "your files", or the real corpus's name.</summary>
    public string DataLabel => dataLabel ?? (Session.Data.Generators.Count > 0 ? "generated data" : "your files");

    /// <summary>Loads the config and opens (or reuses) its session.</summary>
    public void Open(string configFileName)
    {
        (config, session) = ResearcherFiles.Read(() => InfoNceRun.Open(configFileName, Inputs.Artifacts, Inputs.RepositoryRoot, sessions, Scenario.StatusProgress()));
        configFile = configFileName;
    }

    /// <summary>Opens a session on files written from a real corpus (the real-data features).</summary>
    /// <param name="name">The config's name (metric and cache keys use it).</param>
    /// <param name="label">What the answers call the data (e.g. "Python 3.11 docs").</param>
    /// <param name="files">The files.</param>
    /// <param name="retrieval">The retrieval settings.</param>
    /// <param name="contextLength">Context chunks per eval row.</param>
    public void OpenFiles(string name, string label, ArtifactSources files, RetrievalSettings retrieval, int contextLength)
    {
        dataLabel = label;
        (config, session) = ResearcherFiles.Read(() => InfoNceRun.OpenFiles(name, files, retrieval, contextLength, sessions, RunInfoNceSessions.RealKind, Scenario.StatusProgress()));
        configFile = name;
    }

    /// <summary>Attaches a Core table to the running step.</summary>
    public void Attach(Table table) => Scenario.AttachTable(table.Title, table.Headers, table.Rows);
}
