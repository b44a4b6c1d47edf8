using Nvf.Gherkin.Model;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>
/// xunit's discoverer plus one <see cref="ScenarioTestCase"/> per scenario and Examples row of the folder named
/// by <see cref="GherkinFeaturesAttribute"/>, and one failing test per feature file that does not compile.
/// </summary>
public sealed class GherkinTestFrameworkDiscoverer : XunitTestFrameworkDiscoverer
{
    readonly string? featuresPath;

    /// <summary>Called by <see cref="GherkinTestFramework"/> and <see cref="GherkinTestFrameworkExecutor"/>.</summary>
    /// <param name="assemblyInfo">The test assembly.</param>
    /// <param name="sourceProvider">xunit's source provider.</param>
    /// <param name="diagnosticMessageSink">xunit's diagnostic sink.</param>
    public GherkinTestFrameworkDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : base(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        var attribute = assemblyInfo.GetCustomAttributes(typeof(GherkinFeaturesAttribute)).FirstOrDefault();
        if (attribute is not null)
        {
            featuresPath = attribute.GetConstructorArguments().Cast<string>().First();
            AssemblyInfo = new ScenarioAssemblyInfo(assemblyInfo);
        }
    }

    /// <inheritdoc/>
    protected override bool FindTestsForType(ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        if (featuresPath is null || testClass.Class.Name != typeof(Scenarios).FullName)
        {
            return base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions);
        }

        var method = new TestMethod(testClass, testClass.Class.GetMethod(nameof(Scenarios.RunAsync), false));
        foreach (var testCase in TestCases(method))
        {
            if (!messageBus.QueueMessage(new TestCaseDiscoveryMessage(testCase)))
            {
                return false;
            }
        }

        return true;
    }

    IEnumerable<ScenarioTestCase> TestCases(ITestMethod method)
    {
        var folder = Path.Combine(Path.GetDirectoryName(AssemblyInfo.AssemblyPath) ?? ".", featuresPath!);
        FeatureCatalog catalog;
        try
        {
            catalog = FeatureCatalog.Load(folder);
        }
        catch (DirectoryNotFoundException e)
        {
            return [new ScenarioTestCase(method, featuresPath!, "features folder", $"{featuresPath} › features folder missing", [], 0, e.Message)];
        }

        var order = 0;
        var cases = new List<ScenarioTestCase>();
        foreach (var (uri, errors) in catalog.RefusedFiles)
        {
            cases.Add(new ScenarioTestCase(method, uri, "refused", $"{uri} › refused", [], order++, errors)
            {
                SourceInformation = Source(catalog, uri, 1),
            });
        }

        foreach (var scenario in ScenarioOrder.Arrange(catalog.Features.SelectMany(f => f.Scenarios)))
        {
            cases.Add(new ScenarioTestCase(method, scenario.Feature.Uri, scenario.Title, scenario.DisplayName, Traits(scenario), order++, null)
            {
                SourceInformation = Source(catalog, scenario.Feature.Uri, scenario.Line),
            });
        }

        return cases;
    }

    static Dictionary<string, List<string>> Traits(ScenarioInfo scenario)
    {
        var traits = new Dictionary<string, List<string>> { ["Feature"] = [scenario.Feature.Name] };
        if (scenario.Tags.Count > 0)
        {
            traits["Category"] = scenario.Tags.Select(t => t.Name).ToList();
        }

        return traits;
    }

    static SourceInformation Source(FeatureCatalog catalog, string uri, int line) =>
        new() { FileName = Path.Combine(catalog.Root, uri), LineNumber = line };
}
