using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The InfoNCE data sessions of a run: one workspace (payload, eval set, index, trained models) per data source, one session
/// per retrieval setting over it, each made on first use. The gate keeps one cache per run (run-scoped): a workspace is
/// released when no scenario still to run needs its kind of data (<see cref="ReleaseKind"/>), and everything when the run
/// ends, so the memory a run holds depends on what is left to run, not on the order of the features.
/// </summary>
public class InfoNceSessionCache : IDisposable
{
    private readonly Dictionary<object, (InfoNceWorkspace Workspace, string Kind)> workspaces = [];
    private readonly Dictionary<(object, RetrievalSettings), InfoNceSession> sessions = [];
    private readonly Lock gate = new();
    private readonly Lazy<TrainedModelStore?> store;

    /// <summary>Sessions whose trained models live for the run only.</summary>
    public InfoNceSessionCache()
        : this(() => null)
    {
    }

    /// <summary>Sessions whose models trained on generated data are also kept in the store <paramref name="store"/> makes on first use.</summary>
    protected InfoNceSessionCache(Func<TrainedModelStore?> store) => this.store = new(store);

    /// <summary>The kind of the sessions the suite's InfoNCE features open (generated data or a researcher's artifacts).</summary>
    public const string SuiteKind = "infonce";

    /// <summary>The kinds of data currently held.</summary>
    public IReadOnlyCollection<string> Kinds
    {
        get
        {
            lock (gate)
                return workspaces.Values.Select(w => w.Kind).Distinct().ToList();
        }
    }

    /// <summary>Disposes every workspace of <paramref name="kind"/> and forgets its sessions.</summary>
    /// <param name="kind">The kind given when they were opened.</param>
    public void ReleaseKind(string kind)
    {
        lock (gate)
        {
            foreach (var (key, held) in workspaces.Where(w => w.Value.Kind == kind).ToList())
            {
                held.Workspace.Dispose();
                workspaces.Remove(key);
                foreach (var session in sessions.Keys.Where(k => Equals(k.Item1, key)).ToList())
                    sessions.Remove(session);
            }
        }
    }

    /// <summary>Releases everything (<see cref="ReleaseAll"/>).</summary>
    public void Dispose()
    {
        ReleaseAll();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes every workspace and forgets every session.</summary>
    public void ReleaseAll()
    {
        lock (gate)
        {
            foreach (var held in workspaces.Values)
                held.Workspace.Dispose();
            workspaces.Clear();
            sessions.Clear();
        }
    }

    /// <summary>
    /// The session of <paramref name="config"/> on <paramref name="sources"/> (or on the data the config generates, written under
    /// <paramref name="outputFolder"/>), made on first use; <paramref name="kind"/> says which scenarios need it (for release).
    /// </summary>
    /// <param name="config">The run config.</param>
    /// <param name="sources">The researcher's (or a real corpus's) files, or null to generate.</param>
    /// <param name="outputFolder">Where generated data is written.</param>
    /// <param name="status">Where long work reports.</param>
    /// <param name="kind">The kind of data, by the tag of the features that use it (<see cref="SuiteKind"/> by default).</param>
    public InfoNceSession Open(InfoNceRunConfig config, ArtifactSources? sources, string outputFolder, IProgress<string>? status = null, string kind = SuiteKind)
    {
        ArgumentNullException.ThrowIfNull(config);
        object key = sources is null ? config.Data : (sources, config.Data.ContextLength);
        lock (gate)
        {
            if (sessions.TryGetValue((key, config.Retrieval), out var session))
            {
                session.Workspace.Status = status;
                return session;
            }

            if (!workspaces.TryGetValue(key, out var held))
            {
                var data = sources is null
                    ? GeneratedGateData.Build(config.Data, outputFolder, status)
                    : FileGateData.Load(sources, config.Data.ContextLength);
                workspaces[key] = held = (new InfoNceWorkspace(data, sources is null ? store.Value : null), kind);
            }

            held.Workspace.Status = status;
            return sessions[(key, config.Retrieval)] = new InfoNceSession(held.Workspace, config.Retrieval);
        }
    }
}
