using LiveTrack.Geo;

namespace LiveTrack.Verdicts;

/// <summary>
/// Where the track (reports and the great-circle legs between them, not across gaps) came nearest to the fence's
/// outline, when it never entered.
/// </summary>
/// <param name="DistanceNm">Great-circle distance to the outline; negative when that point is inside the outline (possible only below a floor or above a ceiling by less than the altitude uncertainty).</param>
/// <param name="UncertaintyNm">The larger uncertainty of the two reports around it (each including the fence's tolerance).</param>
/// <param name="MarginNm"><paramref name="DistanceNm"/> minus <paramref name="UncertaintyNm"/>: positive means outside beyond doubt there.</param>
/// <param name="TrackPoint">The point of the track.</param>
/// <param name="BoundaryPoint">The nearest point of the outline.</param>
/// <param name="Time">When the aircraft was at <paramref name="TrackPoint"/> (interpolated by distance along the leg).</param>
/// <param name="AltitudeFeet">Altitude there, interpolated; null when unknown.</param>
/// <param name="Before">The report before (the report itself when the closest point is a report).</param>
/// <param name="After">The report after (the report itself when the closest point is a report).</param>
public sealed record ClosestApproach(
    double DistanceNm,
    double UncertaintyNm,
    double MarginNm,
    GeoPoint TrackPoint,
    GeoPoint BoundaryPoint,
    DateTimeOffset Time,
    double? AltitudeFeet,
    VerdictReport Before,
    VerdictReport After);
