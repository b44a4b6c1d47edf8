namespace Nvf.Gherkin.Model;

/// <summary>
/// The kind of a step once And/But/* are resolved to the keyword they continue
/// (Cucumber's rule: a conjunction takes the kind of the step before it; a leading one counts as Given).
/// </summary>
public enum StepKind
{
    /// <summary>A precondition: "Given".</summary>
    Given,

    /// <summary>An action: "When".</summary>
    When,

    /// <summary>An outcome: "Then".</summary>
    Then,
}
