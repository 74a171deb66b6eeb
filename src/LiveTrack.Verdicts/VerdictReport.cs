using LiveTrack.Geo;

namespace LiveTrack.Verdicts;

/// <summary>A report cited as evidence.</summary>
/// <param name="Index">Its index among the positions considered (time order).</param>
/// <param name="Time">Observation time.</param>
/// <param name="Position">Where.</param>
/// <param name="AltitudeFeet">Barometric, else geometric altitude.</param>
/// <param name="Source">Position source.</param>
/// <param name="Feed">Feed.</param>
/// <param name="UncertaintyNm">Horizontal uncertainty: the report's own plus the fence's tolerance.</param>
public sealed record VerdictReport(
    int Index,
    DateTimeOffset Time,
    GeoPoint Position,
    int? AltitudeFeet,
    VerdictPositionSource Source,
    string Feed,
    double UncertaintyNm);
