using System.Text.Json.Serialization;

namespace LiveTrack.Server.Apis;

/// <summary>Body of <c>POST /api/geofences/national</c>.</summary>
/// <param name="Countries">ISO 3166-1 alpha-3 (<c>MEX</c>) or alpha-2 (<c>MX</c>) codes, any case.</param>
/// <param name="Dataset">An installed dataset (default <c>osm-maritime-1000m</c>).</param>
/// <param name="FloorFt">Optional floor in feet (national airspace has none by default).</param>
/// <param name="CeilingFt">Optional ceiling in feet (national airspace has none by default).</param>
/// <param name="Names">Optional fence names by country code (default <c>National airspace of MEX</c>).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NationalAirspaceImportRequest(
    IReadOnlyList<string?>? Countries,
    string? Dataset,
    int? FloorFt,
    int? CeilingFt,
    IReadOnlyDictionary<string, string>? Names);
