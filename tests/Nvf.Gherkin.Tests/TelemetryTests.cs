using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

/// <summary>
/// Reqnroll sends usage telemetry by default at the start of a run; the gate never phones home. These tests
/// watch every socket connect and HTTP request the process starts while a whole run (test-run hooks, feature,
/// scenarios, reports) goes through Reqnroll's engine, and prove the watch itself sees a connection attempt.
/// </summary>
[Collection(NetworkWatchCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_run_on_reqnroll_attempts_no_outbound_connection()
    {
        var before = TelemetryOff.Attempts;
        using var watch = new NetworkWatch();

        var (report, _) = await InnerRun.RunAsync(ReportTests.EveryOutcome, [.. InnerRun.AllSamples, typeof(RecordingHooks)]);

        // Reqnroll sends its telemetry from a fire-and-forget task at run start; with TelemetryOff removed this
        // watch saw the HTTP request (System.Net.Http RequestStart) within this window.
        await Task.Delay(TimeSpan.FromSeconds(3));
        report.Results.Should().NotBeEmpty();
        watch.Attempts.Should().BeEmpty("a run must not open any connection (Reqnroll's telemetry is switched off in code)");
        TelemetryOff.Attempts.Should().Be(before, "nothing reached Reqnroll's telemetry sink");
    }

    [Fact]
    public async Task The_watch_sees_a_connection_attempt_when_there_is_one()
    {
        using var watch = new NetworkWatch();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        await socket.ConnectAsync((IPEndPoint)listener.LocalEndpoint);

        watch.Attempts.Should().NotBeEmpty("the negative control: a real connect must be seen, or the test above proves nothing");
    }

    /// <summary>Records socket connects (System.Net.Sockets events) and HTTP requests (System.Net.Http diagnostics).</summary>
    sealed class NetworkWatch : EventListener
    {
        readonly List<string> attempts = [];
        readonly IDisposable subscription;

        public NetworkWatch()
        {
            subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(l =>
            {
                if (l.Name == "HttpHandlerDiagnosticListener")
                {
                    l.Subscribe(new Observer<KeyValuePair<string, object?>>(e => Add($"http: {e.Key}")));
                }
            }));
        }

        public IReadOnlyList<string> Attempts
        {
            get
            {
                lock (attempts)
                {
                    return attempts.ToList();
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name is "System.Net.Sockets" or "System.Net.Http")
            {
                EnableEvents(eventSource, EventLevel.Informational, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is "ConnectStart" or "RequestStart")
            {
                Add($"{eventData.EventSource.Name}: {eventData.EventName}");
            }
        }

        public override void Dispose()
        {
            subscription.Dispose();
            base.Dispose();
        }

        void Add(string attempt)
        {
            lock (attempts)
            {
                attempts.Add(attempt);
            }
        }
    }

    sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => onNext(value);
    }
}

/// <summary>The network tests do not run beside each other: each watches the whole process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NetworkWatchCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "network watch";
}
