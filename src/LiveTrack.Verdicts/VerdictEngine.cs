namespace LiveTrack.Verdicts;

/// <summary>
/// Decides whether one aircraft entered one fence in one window, from its recorded positions, and gathers the
/// evidence. Pure and deterministic: the same inputs give the same verdict. The rule is documented in the README
/// ("Verdicts") and in <see cref="VerdictComputation"/>.
/// </summary>
public static class VerdictEngine
{
    /// <summary>The verdict for <paramref name="positions"/> of aircraft <paramref name="icao"/> against <paramref name="fence"/> in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="fence">The fence, with its tolerance and provenance (<see cref="VerdictFence.From"/>).</param>
    /// <param name="icao">The aircraft's address, for the verdict's identity (may be null).</param>
    /// <param name="positions">Its recorded positions, in any order; those outside the window or with invalid coordinates are not considered.</param>
    /// <param name="from">Window start (inclusive).</param>
    /// <param name="to">Window end (inclusive).</param>
    /// <param name="options">Parameters; null for <see cref="VerdictOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The window ends before it starts, or an option is out of range.</exception>
    public static Verdict Decide(
        VerdictFence fence,
        string? icao,
        IEnumerable<VerdictPosition> positions,
        DateTimeOffset from,
        DateTimeOffset to,
        VerdictOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fence);
        ArgumentNullException.ThrowIfNull(positions);
        options ??= VerdictOptions.Default;
        if (to < from)
        {
            throw new ArgumentException("The window must not end before it starts.", nameof(to));
        }

        Validate(options);
        if (!double.IsFinite(fence.ToleranceNauticalMiles) || fence.ToleranceNauticalMiles < 0)
        {
            throw new ArgumentException("The fence's tolerance must be a finite number ≥ 0.", nameof(fence));
        }

        return new VerdictComputation(fence, icao, positions, from, to, options).Run();
    }

    private static void Validate(VerdictOptions options)
    {
        static void Check(bool ok, string name)
        {
            if (!ok)
            {
                throw new ArgumentException($"{name} is out of range.", nameof(options));
            }
        }

        Check(options.GapThreshold > TimeSpan.Zero, nameof(options.GapThreshold));
        Check(options.MaxSpeedKnots is null or (> 0 and < double.PositiveInfinity), nameof(options.MaxSpeedKnots));
        Check(options.MinimumMaxSpeedKnots is > 0 and < double.PositiveInfinity, nameof(options.MinimumMaxSpeedKnots));
        Check(options.ObservedSpeedFactor is >= 1 and < double.PositiveInfinity, nameof(options.ObservedSpeedFactor));
        Check(options.MaxVerticalRateFeetPerMinute is >= 0 and < double.PositiveInfinity, nameof(options.MaxVerticalRateFeetPerMinute));
        Check(options.VerticalUncertaintyFeet is >= 0 and < double.PositiveInfinity, nameof(options.VerticalUncertaintyFeet));
        Check(options.FallbackUncertaintyNauticalMiles is >= 0 and < double.PositiveInfinity, nameof(options.FallbackUncertaintyNauticalMiles));
        Check(options.DefaultUncertaintyNauticalMiles.Values.All(v => v is >= 0 and < double.PositiveInfinity), nameof(options.DefaultUncertaintyNauticalMiles));
    }
}
