namespace LiveTrack;

/// <summary>What happened between an aircraft and a geofence.</summary>
[GenerateSerializer, Alias("livetrack.GeofenceEventKind")]
public enum GeofenceEventKind
{
    Entered = 0,
    Exited = 1,
    /// <summary>The aircraft went silent (lost) while inside the fence.</summary>
    LostInside = 2,
}
