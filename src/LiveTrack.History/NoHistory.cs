namespace LiveTrack.History;

/// <summary>History switched off: records go nowhere.</summary>
public sealed class NoHistory : IHistoryRecorder
{
    public static NoHistory Instance { get; } = new();

    public void Position(PositionRecord position)
    {
    }

    public void Change(ChangeRecord change)
    {
    }

    public void FenceEvent(EventRecord geofenceEvent)
    {
    }
}
