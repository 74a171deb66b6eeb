namespace LiveTrack.Verdicts;

/// <summary>The parameters a verdict was computed with, so it can be recomputed.</summary>
/// <param name="GapThresholdSeconds">Gap threshold.</param>
/// <param name="MaxSpeedKnots">Fixed maximum speed, or null for the default rule.</param>
/// <param name="MinimumMaxSpeedKnots">Lower limit of the default maximum speed.</param>
/// <param name="ObservedSpeedFactor">Factor on the observed speeds around a gap.</param>
/// <param name="MaxVerticalRateFeetPerMinute">Fastest climb or descent during a gap.</param>
/// <param name="VerticalUncertaintyFeet">Altitude uncertainty.</param>
/// <param name="ToleranceNm">The fence's tolerance.</param>
/// <param name="DefaultUncertaintyNm">Uncertainty by position source when a report has no accuracy fields.</param>
/// <param name="IncludeWindowEdges">Whether the window's edges count as gaps.</param>
public sealed record VerdictParameters(
    double GapThresholdSeconds,
    double? MaxSpeedKnots,
    double MinimumMaxSpeedKnots,
    double ObservedSpeedFactor,
    double MaxVerticalRateFeetPerMinute,
    double VerticalUncertaintyFeet,
    double ToleranceNm,
    IReadOnlyDictionary<string, double> DefaultUncertaintyNm,
    bool IncludeWindowEdges);
