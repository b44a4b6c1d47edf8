using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>One live event of a run, handed to <see cref="RunOptions.Progress"/> as it happens.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Scenario">The scenario concerned.</param>
/// <param name="Step">The step that started or reported, else null.</param>
/// <param name="Message">The step's progress text (for <see cref="RunProgressKind.Message"/>), else null.</param>
/// <param name="Result">The outcome (for <see cref="RunProgressKind.ScenarioFinished"/>), else null.</param>
public sealed record RunProgress(RunProgressKind Kind, ScenarioInfo Scenario, StepInfo? Step, string? Message, ScenarioResult? Result);
