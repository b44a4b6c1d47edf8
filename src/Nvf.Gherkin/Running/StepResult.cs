using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>What happened to one step.</summary>
/// <param name="Step">The step.</param>
/// <param name="Status">Its outcome.</param>
/// <param name="Duration">Time spent in the binding (zero when it did not run).</param>
/// <param name="Error">The failure, skip reason, snippet or ambiguity text; null when it passed.</param>
/// <param name="MatchLocation">"Type.Method(Params)" of the binding, or null when undefined/ambiguous.</param>
/// <param name="Arguments">The captured texts passed to the binding.</param>
/// <param name="Attachments">What the step attached.</param>
public sealed record StepResult(
    StepInfo Step,
    StepStatus Status,
    TimeSpan Duration,
    string? Error,
    string? MatchLocation,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<Attachment> Attachments);
