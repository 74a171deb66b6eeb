namespace LiveTrack.History;

/// <summary>
/// The silo-local hand-off from aircraft grains (and imports) to the history: never blocks and never throws. Records
/// are queued and written in batches off the caller's path; when the queue is full they are dropped and counted.
/// </summary>
public interface IHistoryRecorder
{
    void Position(PositionRecord position);

    void Change(ChangeRecord change);

    void FenceEvent(EventRecord geofenceEvent);
}
