namespace LiveTrack.Geofencing;

/// <summary>Whether a crossing takes the aircraft into or out of the fence.</summary>
public enum GeofenceCrossingKind
{
    /// <summary>Outside before, inside after.</summary>
    Entered,

    /// <summary>Inside before, outside after.</summary>
    Exited,
}
