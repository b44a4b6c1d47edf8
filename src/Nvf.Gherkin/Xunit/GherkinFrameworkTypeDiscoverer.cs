using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>Tells xunit that <see cref="GherkinFeaturesAttribute"/> selects <see cref="GherkinTestFramework"/>.</summary>
public sealed class GherkinFrameworkTypeDiscoverer : ITestFrameworkTypeDiscoverer
{
    /// <inheritdoc/>
    public Type GetTestFrameworkType(IAttributeInfo attribute) => typeof(GherkinTestFramework);
}
