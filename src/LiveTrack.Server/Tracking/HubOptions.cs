using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Tracking;

/// <summary>Hub delivery settings. Bound from <c>LiveTrack:Hub</c>.</summary>
public sealed class TrackingHubOptions
{
    public const string SectionName = "LiveTrack:Hub";

    /// <summary>Time between two frames to one client (250 ms = at most 4 frames/s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most subscriptions one connection may hold.</summary>
    [Range(1, 1_000)]
    public int MaxSubscriptionsPerClient { get; set; } = 32;
}
