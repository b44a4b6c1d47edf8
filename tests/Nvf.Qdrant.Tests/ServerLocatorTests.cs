using FluentAssertions;
using Nvf.Qdrant.Servers;
using Xunit;

namespace Nvf.Qdrant.Tests;

public sealed class ServerLocatorTests
{
    private static readonly QdrantServerOptions Fast = new() { ReadyTimeout = TimeSpan.FromSeconds(5), ReadyPollInterval = TimeSpan.FromMilliseconds(250) };

    [Fact]
    public async Task Nothing_available_gives_one_exact_reason_per_source_in_order()
    {
        var host = new FakeHostProbe();
        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.IsAvailable.Should().BeFalse();
        found.Reasons.Should().Equal(
            "NVF_QDRANT_URL is not set",
            "docker: no docker executable on PATH",
            "qdrant binary: no qdrant executable on PATH");
        found.SkipReason.Should().Be("no Qdrant server: NVF_QDRANT_URL is not set; docker: no docker executable on PATH; qdrant binary: no qdrant executable on PATH");
        host.Probes.Should().Be(0);
    }

    [Fact]
    public async Task The_environment_url_wins_and_is_left_running()
    {
        var host = new FakeHostProbe { Executables = { ["docker"] = "/usr/bin/docker" } };
        host.Environment["NVF_QDRANT_URL"] = "http://qdrant.example:6333";
        host.Environment["NVF_QDRANT_API_KEY"] = "k";

        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.Server!.Source.Should().Be(QdrantServerSource.EnvironmentUrl);
        found.Server.BaseAddress.Should().Be(new Uri("http://qdrant.example:6333"));
        found.Server.ClientOptions().ApiKey.Should().Be("k");
        host.LastApiKey.Should().Be("k", "readiness is probed with the key");
        await found.Server.DisposeAsync();
        host.CommandLog.Should().BeEmpty("docker is not consulted and nothing is stopped");
    }

    [Fact]
    public async Task An_environment_url_that_is_not_ready_stops_the_search_with_its_reason()
    {
        var host = new FakeHostProbe { Executables = { ["docker"] = "/usr/bin/docker" }, Ready = (_, _) => "/readyz connection error: refused" };
        host.Environment["NVF_QDRANT_URL"] = "http://127.0.0.1:1";

        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.IsAvailable.Should().BeFalse();
        found.Reasons.Should().ContainSingle().Which.Should().StartWith("NVF_QDRANT_URL=http://127.0.0.1:1/ is set but not ready: no ready answer within 5 s")
            .And.EndWith("last: /readyz connection error: refused");
        host.CommandLog.Should().BeEmpty();
    }

    [Fact]
    public async Task A_malformed_environment_url_is_reported()
    {
        var host = new FakeHostProbe();
        host.Environment["NVF_QDRANT_URL"] = "localhost:6333";
        var found = await new QdrantServerLocator(host, Fast).FindAsync();
        found.Reasons.Should().Equal("NVF_QDRANT_URL='localhost:6333' is not an absolute http(s) address");
    }

    [Fact]
    public async Task A_docker_cli_without_an_engine_falls_through_with_dockers_own_words()
    {
        var host = new FakeHostProbe
        {
            Executables = { ["docker"] = "/usr/bin/docker" },
            Commands = args => args == "info"
                ? new ProcessOutcome(1, "Client:\n Version: 27.0\n", "\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n", false)
                : throw new InvalidOperationException("only docker info is expected"),
        };
        var found = await new QdrantServerLocator(host, Fast).FindAsync();
        found.Reasons[1].Should().Be("docker: `docker info` failed (exit 1): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        found.Reasons[2].Should().Be("qdrant binary: no qdrant executable on PATH");
    }

    [Fact]
    public async Task Docker_runs_the_pinned_image_on_loopback_waits_for_readyz_and_removes_the_container()
    {
        var host = new FakeHostProbe
        {
            Executables = { ["docker"] = "/usr/bin/docker" },
            Commands = args => args.StartsWith("run", StringComparison.Ordinal) ? new ProcessOutcome(0, "3f2a9c1b7d5e0011223344\n", "", false) : new ProcessOutcome(0, "", "", false),
            Ready = (_, probe) => probe < 4 ? "/readyz connection error: reset" : null,
        };

        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.Server!.Source.Should().Be(QdrantServerSource.Docker);
        found.Server.BaseAddress.Should().Be(new Uri("http://127.0.0.1:41000/"));
        found.Server.Description.Should().Be("docker qdrant/qdrant:v1.19.0 container 3f2a9c1b7d5e on 127.0.0.1:41000");
        found.Reasons.Should().Equal("NVF_QDRANT_URL is not set");
        host.Probes.Should().Be(4);
        host.CommandLog.Should().Equal(
            "/usr/bin/docker info",
            "/usr/bin/docker run -d --rm -p 127.0.0.1:41000:6333 -e QDRANT__TELEMETRY_DISABLED=true qdrant/qdrant:v1.19.0");

        await found.Server.DisposeAsync();
        await found.Server.DisposeAsync();
        host.CommandLog.Should().EndWith("/usr/bin/docker rm -f 3f2a9c1b7d5e0011223344").And.HaveCount(3, "removed once");
    }

    [Fact]
    public async Task A_container_that_never_gets_ready_is_removed_and_the_binary_is_tried()
    {
        var host = new FakeHostProbe
        {
            Executables = { ["docker"] = "/usr/bin/docker" },
            Commands = args => args.StartsWith("run", StringComparison.Ordinal) ? new ProcessOutcome(0, "abc\n", "", false) : new ProcessOutcome(0, "", "", false),
            Ready = (_, _) => "/readyz answered 503: some shards are not ready",
        };

        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.IsAvailable.Should().BeFalse();
        found.Reasons[1].Should().Be("docker: container abc of qdrant/qdrant:v1.19.0 was not ready: no ready answer within 5 s (20 probes); last: /readyz answered 503: some shards are not ready");
        host.CommandLog.Should().Contain("/usr/bin/docker rm -f abc");
    }

    [Fact]
    public async Task A_failing_docker_run_is_reported_with_its_exit_code()
    {
        var host = new FakeHostProbe
        {
            Executables = { ["docker"] = "/usr/bin/docker" },
            Commands = args => args == "info" ? new ProcessOutcome(0, "", "", false)
                : new ProcessOutcome(125, "", "docker: Error response from daemon: pull access denied.\n", false),
        };
        var found = await new QdrantServerLocator(host, Fast).FindAsync();
        found.Reasons[1].Should().Be("docker: `docker run qdrant/qdrant:v1.19.0` failed (exit 125): docker: Error response from daemon: pull access denied.");
    }

    [Fact]
    public async Task The_binary_starts_on_loopback_with_temporary_storage_and_is_stopped_after()
    {
        var host = new FakeHostProbe { Executables = { ["qdrant"] = "/opt/qdrant/qdrant" } };

        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.Server!.Source.Should().Be(QdrantServerSource.Binary);
        found.Reasons.Should().Equal("NVF_QDRANT_URL is not set", "docker: no docker executable on PATH");
        var process = host.Started.Single();
        process.File.Should().Be("/opt/qdrant/qdrant");
        process.WorkingDirectory.Should().Be("/tmp/fake-qdrant-storage");
        process.Environment.Should().Contain("QDRANT__SERVICE__HOST", "127.0.0.1")
            .And.Contain("QDRANT__SERVICE__HTTP_PORT", "41000")
            .And.Contain("QDRANT__SERVICE__GRPC_PORT", "41001")
            .And.Contain("QDRANT__STORAGE__STORAGE_PATH", "/tmp/fake-qdrant-storage/storage");
        found.Server.BaseAddress.Should().Be(new Uri("http://127.0.0.1:41000/"));

        await found.Server.DisposeAsync();
        process.Disposed.Should().BeTrue();
        host.Deleted.Should().Equal("/tmp/fake-qdrant-storage");
    }

    [Fact]
    public async Task A_binary_that_exits_early_is_reported_with_its_output_and_cleaned_up()
    {
        var host = new FakeHostProbe
        {
            Executables = { ["qdrant"] = "/opt/qdrant/qdrant" },
            NextProcess = new FakeHostProbe.FakeProcess { HasExited = true, ExitCode = 101, RecentOutput = "Error: Address already in use" },
            Ready = (_, _) => "/readyz connection error: refused",
        };

        var found = await new QdrantServerLocator(host, Fast).FindAsync();

        found.Reasons[2].Should().Be("qdrant binary: /opt/qdrant/qdrant was not ready: process exited with code 101 before /readyz answered; last output: Error: Address already in use");
        host.Started.Single().Disposed.Should().BeTrue();
        host.Deleted.Should().Equal("/tmp/fake-qdrant-storage");
    }

    [Fact]
    public async Task The_quick_check_starts_nothing_and_gives_the_same_reasons()
    {
        var host = new FakeHostProbe
        {
            Executables = { ["docker"] = "/usr/bin/docker" },
            Commands = args => new ProcessOutcome(1, "", "permission denied while trying to connect to the Docker daemon socket", false),
        };
        var locator = new QdrantServerLocator(host, Fast);

        string? quick = await locator.QuickSkipReasonAsync();

        quick.Should().Be((await locator.FindAsync()).SkipReason);
        host.Executables["qdrant"] = "/opt/qdrant/qdrant";
        (await locator.QuickSkipReasonAsync()).Should().BeNull();
        host.Started.Should().BeEmpty();
        host.CommandLog.Should().OnlyContain(c => c == "/usr/bin/docker info");
    }
}
