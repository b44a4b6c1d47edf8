using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A step hook that attaches evidence for scenarios tagged @evidence (e.g. timing or a plot after each step).</summary>
[Binding]
public sealed class EvidenceHooks(ScenarioEvidence context)
{
    [AfterStep("evidence")]
    public void AttachStepText() => context.AttachText("after step", context.CurrentStep!.Text);
}
