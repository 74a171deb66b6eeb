namespace LiveTrack.Alerting;

/// <summary>
/// When to retry a failed webhook delivery: exponential backoff with full jitter, giving up (dead letter) once the
/// next attempt would come later than <see cref="GiveUpAfter"/> after the first.
/// </summary>
/// <param name="Initial">The largest delay after the first failure; it doubles with each further failure.</param>
/// <param name="Maximum">The largest delay ever.</param>
/// <param name="GiveUpAfter">How long after the first attempt deliveries stop.</param>
public sealed record RetrySchedule(TimeSpan Initial, TimeSpan Maximum, TimeSpan GiveUpAfter)
{
    /// <summary>Up to 1 s after the first failure, doubling to at most 5 minutes, for up to a day.</summary>
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));

    /// <summary>
    /// The delay before the next attempt: uniform in [0, min(<see cref="Maximum"/>, <see cref="Initial"/> ×
    /// 2^(<paramref name="failedAttempts"/> − 1))]. Null when <paramref name="elapsed"/> (since the first attempt)
    /// plus that delay would exceed <see cref="GiveUpAfter"/>: give up.
    /// </summary>
    /// <param name="failedAttempts">Attempts that have failed so far (1 after the first failure).</param>
    /// <param name="elapsed">Time since the first attempt.</param>
    /// <param name="random">Source of the jitter (seed it in tests).</param>
    public TimeSpan? NextDelay(int failedAttempts, TimeSpan elapsed, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentNullException.ThrowIfNull(random);

        var maximumTicks = Math.Max(0, Maximum.Ticks);
        // In doubles: 2^(n-1) overflows a long after 63 failures, a double much later, and Min caps it anyway.
        var capTicks = (long)Math.Min(maximumTicks, Math.Max(0, Initial.Ticks) * Math.Pow(2, Math.Min(failedAttempts - 1, 1000)));
        var delay = TimeSpan.FromTicks((long)Math.Round(random.NextDouble() * capTicks));
        return elapsed + delay > GiveUpAfter ? null : delay;
    }
}
