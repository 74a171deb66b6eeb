namespace LiveTrack;

/// <summary>Methods the server calls on SignalR clients of <c>/hubs/tracking</c>.</summary>
public interface ITrackingClient
{
    /// <summary>A batched position frame (at most one per frame interval per client).</summary>
    Task Positions(PositionFrame frame);
}
