namespace Nvf.Qdrant.Protocol;

/// <summary>Exponential backoff between attempts: initial, 2x, 4x ... capped at the maximum.</summary>
internal static class RetrySchedule
{
    /// <summary>Wait after failed attempt number <paramref name="failedAttempt"/> (1-based).</summary>
    public static TimeSpan DelayAfter(int failedAttempt, TimeSpan initial, TimeSpan max)
    {
        if (failedAttempt < 1)
            throw new ArgumentOutOfRangeException(nameof(failedAttempt), failedAttempt, "expected an attempt number >= 1");
        // Shift by at most 30 so the factor cannot overflow; the cap applies long before that.
        double factor = 1L << Math.Min(failedAttempt - 1, 30);
        double ticks = Math.Min(initial.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
