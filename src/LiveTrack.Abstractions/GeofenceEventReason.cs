namespace LiveTrack;

/// <summary>Why the event was raised.</summary>
[GenerateSerializer, Alias("livetrack.GeofenceEventReason")]
public enum GeofenceEventReason
{
    /// <summary>The aircraft crossed the fence's outline, floor or ceiling between two reports.</summary>
    Crossed = 0,
    /// <summary>The aircraft's first known position is inside the fence.</summary>
    FirstSeen = 1,
    /// <summary>The fence was created (or replaced) around the aircraft.</summary>
    FenceCreated = 2,
    /// <summary>The fence was deleted (or replaced) while the aircraft was inside.</summary>
    FenceDeleted = 3,
    /// <summary>No report for the lost timeout.</summary>
    Lost = 4,
}
