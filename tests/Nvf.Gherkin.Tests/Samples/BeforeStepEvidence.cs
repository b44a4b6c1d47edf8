using Nvf.Gherkin.Running;
using Reqnroll;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A [BeforeStep] hook that attaches the text of the step it precedes (scenarios tagged @evidence).</summary>
[Binding]
public sealed class BeforeStepEvidence(ScenarioEvidence context)
{
    [BeforeStep("evidence")]
    public void AttachStepText() => context.AttachText("before step", context.CurrentStep!.Text);
}
