namespace LiveTrack.Server.Apis;

/// <summary>Response of <c>POST /api/geofences/national</c>.</summary>
public sealed record NationalAirspaceImportResponse(string Dataset, string PackageVersion, IReadOnlyList<ImportedNationalAirspace> Fences);
