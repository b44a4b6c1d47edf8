using FluentAssertions;
using Nvf.Core.Stores;
using Nvf.Qdrant.Servers;
using Xunit;

namespace Nvf.Core.Tests.Stores;

public sealed class VectorStoreProviderTests
{
    [Theory]
    [InlineData("faiss", VectorStoreKind.Faiss)]
    [InlineData(" Qdrant ", VectorStoreKind.Qdrant)]
    [InlineData("EXACT", VectorStoreKind.Exact)]
    public void Names_parse_in_any_case(string name, VectorStoreKind expected) => VectorStoreProvider.Parse(name).Should().Be(expected);

    [Fact]
    public void Unknown_names_list_the_valid_ones()
    {
        FluentActions.Invoking(() => VectorStoreProvider.Parse("milvus")).Should().Throw<ArgumentException>().WithMessage("*'milvus'*faiss, qdrant, exact*");
        FluentActions.Invoking(() => VectorStoreProvider.Parse("7")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Faiss_always_opens()
    {
        await using var opened = await VectorStoreProvider.OpenAsync(VectorStoreKind.Faiss);
        opened.IsAvailable.Should().BeTrue();
        opened.SkipReason.Should().BeNull();
        await opened.Store!.CreateAsync(4, VectorMetric.Cosine);
        opened.Store.Describe().Kind.Should().Be("faiss-flat");
    }

    [Fact]
    public async Task Qdrant_without_a_server_comes_back_with_the_locators_reason()
    {
        // A private variable pointing at a closed loopback port: the real probe, refused at once.
        string variable = $"NVF_TEST_QDRANT_URL_{Guid.NewGuid():N}";
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Environment.SetEnvironmentVariable(variable, $"http://127.0.0.1:{port}");
        try
        {
            var locator = new QdrantServerLocator(options: new QdrantServerOptions
            {
                UrlVariable = variable,
                ReadyTimeout = TimeSpan.FromMilliseconds(300),
                ReadyPollInterval = TimeSpan.FromMilliseconds(100),
            });

            await using var opened = await VectorStoreProvider.OpenAsync(VectorStoreKind.Qdrant, locator);

            opened.IsAvailable.Should().BeFalse();
            opened.Store.Should().BeNull();
            opened.SkipReason.Should().StartWith($"no Qdrant server: {variable}=http://127.0.0.1:{port}/ is set but not ready").And.Contain("connection error");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
