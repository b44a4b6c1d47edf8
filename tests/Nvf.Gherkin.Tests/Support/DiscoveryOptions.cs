using Xunit.Abstractions;

namespace Nvf.Gherkin.Tests.Support;

/// <summary>Discovery options for driving the discoverer directly (xunit's own implementation lives in its runner).</summary>
public sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
{
    readonly Dictionary<string, object?> values = [];

    public TValue GetValue<TValue>(string name) => values.TryGetValue(name, out var v) && v is TValue t ? t : default!;

    public void SetValue<TValue>(string name, TValue value) => values[name] = value;
}
