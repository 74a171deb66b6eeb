using LiveTrack.Geofencing;

namespace LiveTrack.Server.Airspace;

/// <summary>One fence an import created, updated or left unchanged.</summary>
public sealed record FenceImport(GeofenceDefinition Fence, FenceImportStatus Status);
