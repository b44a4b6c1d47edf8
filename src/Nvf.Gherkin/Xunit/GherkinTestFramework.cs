using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>xunit's framework plus the features: discovery adds one test per scenario, execution runs hooks and writes reports.</summary>
public sealed class GherkinTestFramework : XunitTestFramework
{
    /// <summary>Called by xunit.</summary>
    /// <param name="messageSink">xunit's diagnostic sink.</param>
    public GherkinTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    /// <inheritdoc/>
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new GherkinTestFrameworkDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <inheritdoc/>
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new GherkinTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
