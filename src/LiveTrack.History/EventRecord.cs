namespace LiveTrack.History;

/// <summary>
/// A stored geofence event. Stores keep every field of <see cref="GeofenceEvent"/> except <see cref="GeofenceEvent.Aircraft"/>
/// and <see cref="GeofenceEvent.TraceParent"/> (the trace id is kept), plus whether it was raised for imported data.
/// </summary>
public sealed record EventRecord
{
    public required GeofenceEvent Event { get; init; }

    /// <summary>True when the event was raised by evaluating imported data, not live traffic.</summary>
    public bool Imported { get; init; }
}
