namespace LiveTrack.Server.Apis;

/// <summary>Response of <c>GET /api/geofences/datasets</c>.</summary>
public sealed record BoundaryDatasetList(IReadOnlyList<BoundaryDatasetInfo> Datasets);
