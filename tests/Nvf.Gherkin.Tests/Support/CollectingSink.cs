using FluentAssertions;
using Xunit.Abstractions;
using Xunit;
using Xunit.Sdk;

namespace Nvf.Gherkin.Tests.Support;

/// <summary>Collects xunit messages and signals when discovery completes.</summary>
public sealed class CollectingSink : LongLivedMarshalByRefObject, IMessageSink, IDisposable
{
    readonly ManualResetEventSlim done = new();

    public List<IMessageSinkMessage> Messages { get; } = [];

    public bool OnMessage(IMessageSinkMessage message)
    {
        lock (Messages)
        {
            Messages.Add(message);
        }

        if (message is IDiscoveryCompleteMessage)
        {
            done.Set();
        }

        return true;
    }

    public void WaitForDiscovery() =>
        done.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("discovery must complete");

    public void Dispose() => done.Dispose();
}
