using LiveTrack.Geo;

namespace LiveTrack.Verdicts;

/// <summary>One position considered, with its uncertainty and what it shows.</summary>
/// <param name="Time">Observation time.</param>
/// <param name="Position">Where.</param>
/// <param name="AltitudeFeet">Barometric, else geometric altitude.</param>
/// <param name="Source">Position source.</param>
/// <param name="Feed">Feed.</param>
/// <param name="UncertaintyNm">The report's horizontal uncertainty plus the fence's tolerance.</param>
/// <param name="UncertaintyBasis">Where the report's own uncertainty came from.</param>
/// <param name="InsideOutline">Inside the fence's outline (or on it), whatever the altitude.</param>
/// <param name="DistanceNm">Exact distance to the outline, when it was needed (near the fence); else null.</param>
/// <param name="DistanceAtLeastNm">A proven lower bound of the distance to the outline (equal to <paramref name="DistanceNm"/> when that is given).</param>
/// <param name="Evidence">Inside, outside or uncertain.</param>
public sealed record EvaluatedPosition(
    DateTimeOffset Time,
    GeoPoint Position,
    int? AltitudeFeet,
    VerdictPositionSource Source,
    string Feed,
    double UncertaintyNm,
    UncertaintyBasis UncertaintyBasis,
    bool InsideOutline,
    double? DistanceNm,
    double DistanceAtLeastNm,
    PositionEvidence Evidence);
