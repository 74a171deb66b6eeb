using LiveTrack.Geo;

namespace LiveTrack.Verdicts;

/// <summary>
/// An interval without positions longer than the gap threshold, and whether the aircraft could have entered the
/// fence unseen during it.
/// </summary>
/// <param name="Kind">Between reports, or at an edge of the window.</param>
/// <param name="From">Start (the report before, or the window's start).</param>
/// <param name="To">End (the report after, or the window's end).</param>
/// <param name="Seconds">Duration.</param>
/// <param name="Before">The report before (null at the window's start).</param>
/// <param name="After">The report after (null at the window's end).</param>
/// <param name="MaxSpeedKnots">The speed assumed possible during the gap.</param>
/// <param name="ReachNm">
/// The largest sum of great-circle distances to the two foci of a point the aircraft could have reached:
/// max speed × duration, plus the uncertainties of both reports (for a window edge, whose one report is both foci:
/// 2 × (max speed × duration + its uncertainty)).
/// </param>
/// <param name="FocalDistanceNm">Distance between the foci.</param>
/// <param name="ClosestFocalSumNm">
/// The smallest focal-distance sum over the fence's outline; null when it exceeds <paramref name="ReachNm"/> (the
/// search stops there) or when a focus is inside the fence.
/// </param>
/// <param name="ClosestOutlinePoint">Where on the outline that smallest sum is.</param>
/// <param name="ReachesOutline">The reachable ellipse meets the fence horizontally (a focus inside, or <paramref name="ClosestFocalSumNm"/> ≤ <paramref name="ReachNm"/>).</param>
/// <param name="ReachableMinFeet">3D fences: lowest altitude reachable during the gap (null when an altitude is unknown, or a 2D fence).</param>
/// <param name="ReachableMaxFeet">3D fences: highest altitude reachable during the gap.</param>
/// <param name="ReachesAltitudeBand">3D fences: the reachable altitudes meet the band (true when unknown, and for 2D fences).</param>
/// <param name="CanHideEntry">Both: the gap could hide an entry.</param>
public sealed record CoverageGap(
    GapKind Kind,
    DateTimeOffset From,
    DateTimeOffset To,
    double Seconds,
    VerdictReport? Before,
    VerdictReport? After,
    double MaxSpeedKnots,
    double ReachNm,
    double FocalDistanceNm,
    double? ClosestFocalSumNm,
    GeoPoint? ClosestOutlinePoint,
    bool ReachesOutline,
    double? ReachableMinFeet,
    double? ReachableMaxFeet,
    bool ReachesAltitudeBand,
    bool CanHideEntry);
