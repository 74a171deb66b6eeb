using System.Text.Json.Serialization;
using LiveTrack.Geo;
using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>A crossing of the fence on a leg between two consecutive reports (the live crossing code's answer).</summary>
/// <param name="Kind">Entered or exited.</param>
/// <param name="Boundary">Outline, floor, ceiling, or a 3D fence's answer changing with the altitude becoming (un)known.</param>
/// <param name="Point">Where, on the great circle between the reports.</param>
/// <param name="Time">When, interpolated by distance.</param>
/// <param name="AltitudeFeet">Altitude there, interpolated; null when unknown.</param>
/// <param name="Before">The report before.</param>
/// <param name="After">The report after.</param>
/// <param name="LegSeconds">Time between the two reports.</param>
/// <param name="Decisive">For an entry: the leg goes inside by more than its uncertainty (then it decides <c>entered</c>).</param>
public sealed record VerdictCrossing(
    [property: JsonConverter(typeof(KebabCaseEnumConverter<GeofenceCrossingKind>))] GeofenceCrossingKind Kind,
    [property: JsonConverter(typeof(KebabCaseEnumConverter<GeofenceBoundary>))] GeofenceBoundary Boundary,
    GeoPoint Point,
    DateTimeOffset Time,
    double? AltitudeFeet,
    VerdictReport Before,
    VerdictReport After,
    double LegSeconds,
    bool Decisive);
