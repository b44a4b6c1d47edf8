namespace Nvf.Qdrant.Servers;

/// <summary>How <see cref="QdrantServerLocator"/> looks for and starts a server.</summary>
public sealed record QdrantServerOptions
{
    /// <summary>Environment variable naming an existing server's REST address.</summary>
    public string UrlVariable { get; init; } = "NVF_QDRANT_URL";

    /// <summary>Environment variable holding that server's api key (optional).</summary>
    public string ApiKeyVariable { get; init; } = "NVF_QDRANT_API_KEY";

    /// <summary>
    /// The official image, pinned so every run tests the same server: v1.19.0, the newest API document the contract
    /// tests check the client against (the client also keeps to what v1.12 accepts: the Query API since 1.10,
    /// collection existence since 1.8).
    /// </summary>
    public string DockerImage { get; init; } = "qdrant/qdrant:v1.19.0";

    /// <summary>Time allowed for <c>docker info</c>.</summary>
    public TimeSpan DockerInfoTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for <c>docker run</c>, which may have to pull the image first.</summary>
    public TimeSpan DockerRunTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for a server to answer /readyz after it was found or started.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait between two /readyz probes.</summary>
    public TimeSpan ReadyPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Time allowed for one /readyz probe.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
