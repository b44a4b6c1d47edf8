
namespace Nvf.Gherkin.Running;

/// <summary>What happened to one hook.</summary>
/// <param name="Kind">When it ran.</param>
/// <param name="Location">"Type.Method" of the hook.</param>
/// <param name="Status">Passed, Failed or Skipped.</param>
/// <param name="Duration">Time it took.</param>
/// <param name="Error">The failure or skip reason; null when it passed.</param>
/// <param name="Attachments">What the hook attached.</param>
public sealed record HookResult(
    HookKind Kind,
    string Location,
    StepStatus Status,
    TimeSpan Duration,
    string? Error,
    IReadOnlyList<Attachment> Attachments);
