using Nvf.Core.Artifacts;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The process-wide memo of sessions: one per data source (a generated-data spec, or a set of
/// artifact files) and retrieval settings, so the 584,000 x 768 payload and its index are built once
/// per test run and every scenario and every config sharing them reuses the same models.
/// </summary>
public static class InfoNceSessions
{
    private static readonly Dictionary<object, InfoNceSession> Sessions = [];
    private static readonly Lock Gate = new();

    /// <summary>
    /// The session for <paramref name="config"/>: the researcher's files when <paramref name="sources"/>
    /// names them, else generated data. Generated eval files go to <paramref name="outputFolder"/>.
    /// </summary>
    public static InfoNceSession Open(InfoNceRunConfig config, ArtifactSources? sources, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(config);
        object key = sources is null ? (config.Data, config.Retrieval) : (sources, config.Data.ContextLength, config.Retrieval);
        lock (Gate)
        {
            if (!Sessions.TryGetValue(key, out var session))
            {
                var data = sources is null
                    ? GeneratedGateData.Build(config.Data, outputFolder)
                    : FileGateData.Load(sources, config.Data.ContextLength);
                Sessions[key] = session = new InfoNceSession(data, config.Retrieval);
            }

            return session;
        }
    }
}
