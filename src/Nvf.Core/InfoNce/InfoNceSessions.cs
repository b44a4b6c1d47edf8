using Nvf.Core.Artifacts;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The process-wide memo of workspaces and sessions: one <see cref="InfoNceWorkspace"/> per data
/// source (a generated-data spec, or a set of artifact files), so the 584,000 x 768 payload, its
/// index and every trained model are built once per test run; and one session per data source and
/// retrieval settings on top of it (configs that differ only in nprobe share the workspace).
/// </summary>
public static class InfoNceSessions
{
    private static readonly Dictionary<object, InfoNceWorkspace> Workspaces = [];
    private static readonly Dictionary<(object, RetrievalSettings), InfoNceSession> Sessions = [];
    private static readonly Lock Gate = new();

    /// <summary>
    /// Frees every workspace (payload, indexes, trained models) and forgets every session: called when a run moves
    /// on to features that do not use them, so their 5+ GB at the seed's scale are not held to the end of the run.
    /// </summary>
    public static void ReleaseAll()
    {
        lock (Gate)
        {
            foreach (var workspace in Workspaces.Values)
                workspace.Dispose();
            Workspaces.Clear();
            Sessions.Clear();
        }
    }

    /// <summary>
    /// The session for <paramref name="config"/>: the researcher's files when <paramref name="sources"/>
    /// names them, else generated data. Generated eval files go to <paramref name="outputFolder"/>.
    /// </summary>
    /// <param name="config">The run config.</param>
    /// <param name="sources">The researcher's files, or null for generated data.</param>
    /// <param name="outputFolder">Where generated eval files go.</param>
    /// <param name="status">Where data generation, index building and searches report progress from now on (the caller's scenario), or null.</param>
    public static InfoNceSession Open(InfoNceRunConfig config, ArtifactSources? sources, string outputFolder, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        object key = sources is null ? config.Data : (sources, config.Data.ContextLength);
        lock (Gate)
        {
            if (Sessions.TryGetValue((key, config.Retrieval), out var session))
            {
                session.Workspace.Status = status;
                return session;
            }

            if (!Workspaces.TryGetValue(key, out var workspace))
            {
                var data = sources is null
                    ? GeneratedGateData.Build(config.Data, outputFolder, status)
                    : FileGateData.Load(sources, config.Data.ContextLength);
                Workspaces[key] = workspace = new InfoNceWorkspace(data);
            }

            workspace.Status = status;
            return Sessions[(key, config.Retrieval)] = new InfoNceSession(workspace, config.Retrieval);
        }
    }
}
