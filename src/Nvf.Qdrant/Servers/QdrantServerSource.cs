namespace Nvf.Qdrant.Servers;

/// <summary>Where a <see cref="QdrantServer"/> came from, in the order they are tried.</summary>
public enum QdrantServerSource
{
    /// <summary>An existing server named by the NVF_QDRANT_URL environment variable.</summary>
    EnvironmentUrl,

    /// <summary>A container of the pinned official image, started on a free loopback port and removed after.</summary>
    Docker,

    /// <summary>A <c>qdrant</c> executable from PATH, started on a free loopback port with temporary storage.</summary>
    Binary,
}
