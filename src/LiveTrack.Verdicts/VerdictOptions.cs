namespace LiveTrack.Verdicts;

/// <summary>The parameters of a verdict. The defaults are the documented rule (README, "Verdicts").</summary>
public sealed record VerdictOptions
{
    /// <summary>The defaults.</summary>
    public static VerdictOptions Default { get; } = new();

    /// <summary>
    /// An interval without positions longer than this is a coverage gap (judged by the reachable ellipse); legs no
    /// longer than this are flown along the great circle. Default 20 s, readsb's stale limit.
    /// </summary>
    public TimeSpan GapThreshold { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A fixed maximum speed for every gap, knots; null for the default rule (see <see cref="MinimumMaxSpeedKnots"/>).</summary>
    public double? MaxSpeedKnots { get; init; }

    /// <summary>
    /// The default maximum speed of a gap is the higher of this (600 kt) and <see cref="ObservedSpeedFactor"/> times
    /// the fastest of: the ground speeds of the reports before and after the gap, and the speed the gap itself
    /// implies (their great-circle distance over its duration).
    /// </summary>
    public double MinimumMaxSpeedKnots { get; init; } = 600;

    /// <summary>See <see cref="MinimumMaxSpeedKnots"/>. Default 1.25.</summary>
    public double ObservedSpeedFactor { get; init; } = 1.25;

    /// <summary>Fastest climb or descent assumed during a gap (3D fences), feet per minute. Default 6,000.</summary>
    public double MaxVerticalRateFeetPerMinute { get; init; } = 6_000;

    /// <summary>Uncertainty of every altitude (3D fences), feet. Default 100 (Mode C resolution).</summary>
    public double VerticalUncertaintyFeet { get; init; } = 100;

    /// <summary>
    /// Horizontal uncertainty of a report without NACp, NIC or rc, by position source, nautical miles. Defaults:
    /// ADS-B 0.1, ADS-R 0.1, MLAT 0.5, TIS-B 1.0, unknown 1.0, other 2.0. A source missing here uses
    /// <see cref="FallbackUncertaintyNauticalMiles"/>.
    /// </summary>
    public IReadOnlyDictionary<VerdictPositionSource, double> DefaultUncertaintyNauticalMiles { get; init; } =
        new Dictionary<VerdictPositionSource, double>
        {
            [VerdictPositionSource.Adsb] = 0.1,
            [VerdictPositionSource.Adsr] = 0.1,
            [VerdictPositionSource.Mlat] = 0.5,
            [VerdictPositionSource.Tisb] = 1.0,
            [VerdictPositionSource.Unknown] = 1.0,
            [VerdictPositionSource.Other] = 2.0,
        };

    /// <summary>Uncertainty for a source missing from <see cref="DefaultUncertaintyNauticalMiles"/>. Default 2.0 nm.</summary>
    public double FallbackUncertaintyNauticalMiles { get; init; } = 2.0;

    /// <summary>
    /// Whether the stretches between the window's start and the first position, and between the last position and
    /// the window's end, count as coverage gaps (a circle of reach around the one report next to them). Default true.
    /// </summary>
    public bool IncludeWindowEdges { get; init; } = true;

    /// <summary>Whether the verdict lists every position considered (a 24 h track is ~40,000 rows). Default true.</summary>
    public bool IncludePositions { get; init; } = true;

    /// <summary>The default uncertainty of <paramref name="source"/>, nautical miles.</summary>
    public double DefaultUncertaintyFor(VerdictPositionSource source) =>
        DefaultUncertaintyNauticalMiles.TryGetValue(source, out var value) ? value : FallbackUncertaintyNauticalMiles;
}
