using Nvf.Qdrant.Servers;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task The_double_passes_the_round_trip()
    {
        using var server = new QdrantRestDouble(apiKey: "k");
        using var client = new QdrantClient(RoundTripScenario.Options(QdrantRestDouble.BaseAddress, "k"), server);
        await RoundTripScenario.RunAsync(client, "round-trip");
    }

    [LiveQdrantFact]
    public async Task A_real_qdrant_passes_the_round_trip()
    {
        var found = await new QdrantServerLocator().FindAsync();
        Assert.True(found.IsAvailable, found.SkipReason);
        await using var server = found.Server!;
        using var client = new QdrantClient(RoundTripScenario.Options(server.BaseAddress, server.ApiKey));
        await RoundTripScenario.RunAsync(client, $"nvf-round-trip-{Guid.NewGuid():N}");
    }
}
