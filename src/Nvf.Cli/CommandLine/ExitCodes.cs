namespace Nvf.Cli.CommandLine;

/// <summary>What `nvf` returns to the shell.</summary>
public static class ExitCodes
{
    /// <summary>The gate passed (or the command did what it was asked).</summary>
    public const int Passed = 0;

    /// <summary>The gate failed: a scenario failed or a metric regressed (or the environment is broken).</summary>
    public const int Failed = 1;

    /// <summary>The user asked for something wrong: a bad flag, a missing or unreadable file, an unknown run.</summary>
    public const int UsageError = 2;
}
