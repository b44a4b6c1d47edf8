using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Steps;

/// <summary>Per-scenario state of the runner's own specs: the Gherkin under test and what running it produced.</summary>
public sealed class InnerRunContext
{
    public string FeatureText { get; set; } = "";

    public RunReport? Report { get; set; }

    public List<string> Log { get; set; } = [];

    public Exception? ParseError { get; set; }

    public RunReport RequireReport() =>
        Report ?? throw new InvalidOperationException("The feature has not been run; expected a 'When the runner runs it' step first.");
}
