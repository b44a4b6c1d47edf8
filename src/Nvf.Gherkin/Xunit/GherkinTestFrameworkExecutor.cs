using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>Runs the test cases with <see cref="GherkinTestAssemblyRunner"/> (hooks and reports around the run).</summary>
public sealed class GherkinTestFrameworkExecutor : XunitTestFrameworkExecutor
{
    /// <summary>Called by <see cref="GherkinTestFramework"/>.</summary>
    /// <param name="assemblyName">The test assembly.</param>
    /// <param name="sourceInformationProvider">xunit's source provider.</param>
    /// <param name="diagnosticMessageSink">xunit's diagnostic sink.</param>
    public GherkinTestFrameworkExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
    }

    /// <inheritdoc/>
    protected override ITestFrameworkDiscoverer CreateDiscoverer() =>
        new GherkinTestFrameworkDiscoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <inheritdoc/>
    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        using var runner = new GherkinTestAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
        await runner.RunAsync();
    }
}
