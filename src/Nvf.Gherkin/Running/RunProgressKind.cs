namespace Nvf.Gherkin.Running;

/// <summary>What a <see cref="RunProgress"/> event announces.</summary>
public enum RunProgressKind
{
    /// <summary>A scenario is about to run.</summary>
    ScenarioStarted,

    /// <summary>A step is about to run.</summary>
    StepStarted,

    /// <summary>A step reported progress through <see cref="IMetrics.ReportProgress"/>.</summary>
    Message,

    /// <summary>A scenario ended; <see cref="RunProgress.Result"/> holds its outcome.</summary>
    ScenarioFinished,
}
