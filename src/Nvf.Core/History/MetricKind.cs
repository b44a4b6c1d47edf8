namespace Nvf.Core.History;

/// <summary>
/// What a metric is for, which decides how a baseline compares it (docs/cli-and-reports.md, "Regressions and baselines").
/// A success criterion is an estimate from a sample and moves with the numeric path (another CPU's BLAS
/// sums in another order, so a seeded training ends elsewhere); it is compared with its standard error. A
/// diagnostic exists to show one thing (a gradient is non-zero) and is checked only against that bound.
/// A timing depends on the machine and is compared only on the same machine fingerprint. A count is an
/// exact tally that must not get worse.
/// </summary>
public enum MetricKind
{
    /// <summary>A success criterion with a 95% interval (a proportion's Wilson interval, a delta or AUC from its standard error).</summary>
    Criterion,

    /// <summary>A diagnostic: compared only against its bound (what it exists to show); without a bound it is tracked, not compared.</summary>
    Diagnostic,

    /// <summary>A time: compared within a factor, and only between runs on the same machine fingerprint.</summary>
    Timing,

    /// <summary>An exact tally (faults, rows passing): must not move in its bad direction.</summary>
    Count,

    /// <summary>A number recorded without a kind: compared by its baseline tolerance (absolute, relative).</summary>
    Plain,
}
