using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Grains;

/// <summary>How aircraft grains judge reports. Bound from <c>LiveTrack:Tracking</c>.</summary>
public sealed class TrackingOptions
{
    public const string SectionName = "LiveTrack:Tracking";

    /// <summary>Silence after which an aircraft is reported lost and its grain may deactivate.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LostAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A position implying a higher ground speed from the last accepted one is suspect.</summary>
    [Range(100, 20_000)]
    public double MaxSpeedKnots { get; set; } = 2_000;

    /// <summary>Distance always allowed between two positions, whatever the time between them (receiver and MLAT jitter).</summary>
    [Range(0, 50)]
    public double PositionJitterNauticalMiles { get; set; } = 0.5;

    /// <summary>A report timestamped further than this in the future of the server clock is suspect.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How late reports may arrive (feed latency): a dwell or squawk-hold deadline fires only this long after it passed,
    /// so an exit or squawk change observed before the deadline but received after it still cancels the alert.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromSeconds(10);
}
