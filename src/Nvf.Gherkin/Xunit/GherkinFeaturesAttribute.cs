using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>
/// Opts a test assembly in: <c>[assembly: GherkinFeatures("features")]</c> makes every scenario (and every
/// Examples row) under that folder, relative to the test assembly's output folder, an xunit test, binds steps
/// to the assembly's [Binding] classes, and writes the reports at the end of the run. Ordinary [Fact]s keep working.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
[TestFrameworkDiscoverer("Nvf.Gherkin.Xunit.GherkinFrameworkTypeDiscoverer", "Nvf.Gherkin")]
public sealed class GherkinFeaturesAttribute : Attribute, ITestFrameworkAttribute
{
    /// <summary>Declares the features folder.</summary>
    /// <param name="path">The folder holding the .feature files, relative to the test assembly (copy it to the output).</param>
    public GherkinFeaturesAttribute(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The features folder relative to the test assembly.</summary>
    public string Path { get; }

    /// <summary>File name stem of the reports (&lt;name&gt;.cucumber.json, .html, .md); the assembly name when unset.</summary>
    public string? ReportName { get; set; }

    /// <summary>
    /// When set, only [Binding] classes in this namespace (or below it) are bound; other [Binding] classes of the
    /// assembly (samples for embedded runs, say) are left out. Null binds every [Binding] class.
    /// </summary>
    public string? BindingNamespace { get; set; }

    /// <summary>
    /// The name of the assembly that holds the [Binding] classes (and the run recorder), when they live in a library beside
    /// the test project (e.g. "Nvf.Specs.Steps", which the gate's CLI loads too); null for this assembly.
    /// </summary>
    public string? BindingAssembly { get; set; }
}
