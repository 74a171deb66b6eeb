namespace LiveTrack.Server.Apis.Contracts;

/// <summary>The <c>properties</c> of a fence returned by the API.</summary>
public sealed record GeofenceProperties(
    string Name,
    string[] Tags,
    int? FloorFt,
    int? CeilingFt,
    double BufferNm,
    GeoJsonGeometry? SubmittedGeometry,
    string? Kind = null,
    double? ToleranceNm = null,
    System.Text.Json.JsonElement? Version = null,
    System.Text.Json.JsonElement? Provenance = null);
