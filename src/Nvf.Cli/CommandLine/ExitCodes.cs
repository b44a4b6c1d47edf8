namespace Nvf.Cli.CommandLine;

/// <summary>
/// One exit-code table for every `nvf` command (shown by `nvf --help` and in README.md), so a script or a training loop can
/// branch on the answer: 0 and 1 are pass and fail everywhere, 2 is always the caller's input, 3–7 are the seed's decision tree.
/// </summary>
public static class ExitCodes
{
    /// <summary>Passed: the gate passed, the targets were met, the command did what it was asked; for `evaluate` and `watch`: continue training (R@5 ≥ 5%).</summary>
    public const int Passed = 0;

    /// <summary>Failed: a scenario failed, a target was missed, a regression was found, or the machine cannot run the gate.</summary>
    public const int Failed = 1;

    /// <summary>Usage or input error: a bad option, a missing or malformed file (one line naming it, never a stack trace).</summary>
    public const int UsageError = 2;

    /// <summary>A plumbing check failed (normalization, oracle recall, eval alignment): fix the data before judging a model.</summary>
    public const int PlumbingFailed = 3;

    /// <summary>0 &lt; R@5 &lt; 5%: train 1-2 more epochs and evaluate again.</summary>
    public const int TrainMore = 4;

    /// <summary>R@5 = 0, Δ ≥ 0.10, and the flat index finds what IVF missed: an ANN issue (rebuild or re-check the index).</summary>
    public const int AnnIssue = 5;

    /// <summary>R@5 = 0, Δ ≥ 0.10, and the flat index finds nothing either: the model is the issue.</summary>
    public const int ModelIssue = 6;

    /// <summary>R@5 = 0 and Δ &lt; 0.10: pivot to the two-tower model.</summary>
    public const int PivotToTwoTower = 7;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT): a long-running command stops at its next safe point, a second signal at once; files already written are whole.</summary>
    public const int Interrupted = 130;

    /// <summary>Every code with its meaning and the commands that give it, in order.</summary>
    public static IReadOnlyList<(int Code, string Meaning, string Commands)> Table { get; } =
    [
        (Passed, "passed; for evaluate and watch: continue training (R@5 >= 5%)", "every command"),
        (Failed, "failed: a scenario failed, a target was missed, a regression, or the machine cannot run the gate", "every command"),
        (UsageError, "usage or input error: a bad option or file, named in one line", "every command"),
        (PlumbingFailed, "a plumbing check failed: fix the data first", "evaluate, watch, sanity"),
        (TrainMore, "0 < R@5 < 5%: train 1-2 more epochs and evaluate again", "evaluate, watch"),
        (AnnIssue, "R@5 = 0, delta >= 0.10, flat finds what IVF missed: an ANN issue", "evaluate, watch"),
        (ModelIssue, "R@5 = 0, delta >= 0.10, flat finds nothing either: the model is the issue", "evaluate, watch"),
        (PivotToTwoTower, "R@5 = 0 and delta < 0.10: pivot to the two-tower model", "evaluate, watch"),
        (Interrupted, "stopped by Ctrl-C or SIGTERM (a second signal stops at once); files already written are whole", "every command"),
    ];

    /// <summary>The table as text for `--help`.</summary>
    public static string Describe() => "Exit codes: " + string.Join("; ", Table.Select(t => $"{t.Code} {t.Meaning} ({t.Commands})")) + ".";
}
