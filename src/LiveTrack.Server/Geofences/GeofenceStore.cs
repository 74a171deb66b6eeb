namespace LiveTrack.Server.Geofences;

/// <summary>
/// A persisted fence: the GeoJSON Feature as accepted (the source of truth; geometry is rebuilt from it) and the
/// version it was written with (0 for documents written before versions existed).
/// </summary>
public sealed record StoredGeofence(string Id, string GeoJson, DateTimeOffset UpdatedAt)
{
    public long Version { get; init; }
}
