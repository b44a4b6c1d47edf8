using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A step hook that attaches evidence for scenarios tagged @evidence (e.g. timing or a plot after each step).</summary>
public sealed class EvidenceHooks(ScenarioContext context)
{
    [AfterStep("evidence")]
    public void AttachStepText() => context.AttachText("after step", context.CurrentStep!.Text);
}
