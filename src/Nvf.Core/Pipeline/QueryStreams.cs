using Nvf.Core.Data;

namespace Nvf.Core.Pipeline;

/// <summary>Seeds for the query streams.</summary>
public static class QueryStreams
{
    /// <summary>The seed of stream <paramref name="stream"/> derived from <paramref name="seed"/>.</summary>
    public static ulong Seed(ulong seed, QueryStream stream) => SeededRandom.Fork(seed, (ulong)stream).NextUInt64();
}
