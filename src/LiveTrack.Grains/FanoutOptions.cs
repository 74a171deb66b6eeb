using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Grains;

/// <summary>Silo-to-silo traffic fan-out. Bound from <c>LiveTrack:Fanout</c>.</summary>
public sealed class FanoutOptions
{
    public const string SectionName = "LiveTrack:Fanout";

    /// <summary>How often each silo publishes its coalesced changes to every silo's hub observer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
