namespace Nvf.Gherkin.Running;

/// <summary>A step's (or scenario's) outcome, with Cucumber JSON's names.</summary>
public enum StepStatus
{
    /// <summary>Ran and passed.</summary>
    Passed,

    /// <summary>Ran and threw.</summary>
    Failed,

    /// <summary>Did not run: an earlier step failed or a precondition could not be met.</summary>
    Skipped,

    /// <summary>No binding matches the step.</summary>
    Undefined,

    /// <summary>The binding exists but says it is not written yet.</summary>
    Pending,

    /// <summary>More than one binding matches the step.</summary>
    Ambiguous,
}
