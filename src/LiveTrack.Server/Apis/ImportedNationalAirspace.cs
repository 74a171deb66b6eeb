using LiveTrack.Server.Airspace;

namespace LiveTrack.Server.Apis;

/// <summary>One imported fence: <c>GET</c> its <paramref name="Location"/> for the GeoJSON with its provenance.</summary>
public sealed record ImportedNationalAirspace(
    string Id,
    string Name,
    string Country,
    int Version,
    FenceImportStatus Status,
    int Vertices,
    double ToleranceNm,
    DateTimeOffset ImportedAt,
    string Location);
