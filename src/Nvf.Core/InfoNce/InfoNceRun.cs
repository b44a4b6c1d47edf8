using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.Retrieval;

namespace Nvf.Core.InfoNce;

/// <summary>
/// Entry point of the InfoNCE gate for steps and the CLI: loads a run config from fixtures/configs/,
/// picks the researcher's artifacts when the environment names them (<see cref="ArtifactSources"/>)
/// or generated data otherwise, and returns the shared session.
/// </summary>
public static class InfoNceRun
{
    /// <summary>Folder (under the repository root) where generated eval sets are written.</summary>
    public const string OutputFolder = "artifacts/infonce";

    /// <summary>
    /// Opens config <paramref name="configFileName"/> (e.g. "infonce-generated.json") and its session on <paramref name="files"/>
    /// (the researcher's artifacts), or on the data the config generates when null, keeping what it writes (generated eval
    /// sets, indexes) under <paramref name="workspace"/>/artifacts/infonce; long work reports to <paramref name="status"/>.
    /// </summary>
    /// <param name="configFileName">The run config's file name.</param>
    /// <param name="files">The researcher's artifacts, or null to generate.</param>
    /// <param name="workspace">The folder under which artifacts/infonce is kept.</param>
    /// <param name="cache">The run's sessions.</param>
    /// <param name="status">Where long work reports.</param>
    public static (InfoNceRunConfig Config, InfoNceSession Session) Open(string configFileName, ArtifactSources? files, string workspace, InfoNceSessionCache cache, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrWhiteSpace(workspace);
        var configFolder = ConfigDirectory.Find();
        var config = InfoNceRunConfig.Load(Path.Combine(configFolder, configFileName));
        var session = cache.Open(config, files, Path.Combine(workspace, OutputFolder), status);
        return (config, session);
    }

    /// <summary>
    /// Opens a session on files the gate wrote itself from a real corpus (<paramref name="files"/>), with
    /// <paramref name="retrieval"/>'s index and check settings and contexts of <paramref name="contextLength"/> chunks.
    /// The training hyper-parameters are those of infonce-generated.json (nothing is trained on a real payload here).
    /// </summary>
    /// <param name="name">The config's name.</param>
    /// <param name="files">The corpus's files.</param>
    /// <param name="retrieval">Index and check settings.</param>
    /// <param name="contextLength">Context chunks per eval row.</param>
    /// <param name="cache">The run's sessions.</param>
    /// <param name="kind">The kind of data (the tag of the features that use it), for release.</param>
    /// <param name="status">Where long work reports.</param>
    public static (InfoNceRunConfig Config, InfoNceSession Session) OpenFiles(string name, ArtifactSources files, RetrievalSettings retrieval, int contextLength, InfoNceSessionCache cache, string kind, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(cache);
        var configFolder = ConfigDirectory.Find();
        var generated = InfoNceRunConfig.Load(Path.Combine(configFolder, "infonce-generated.json"));
        var config = generated with { Name = name, Retrieval = retrieval, Data = generated.Data with { ContextLength = contextLength } };
        var root = Path.GetFullPath(Path.Combine(configFolder, "..", ".."));
        return (config, cache.Open(config, files, Path.Combine(root, OutputFolder), status, kind));
    }
}
