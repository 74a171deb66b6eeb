using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Grains;

/// <summary>Silo-to-silo traffic fan-out. Bound from <c>LiveTrack:Fanout</c>.</summary>
public sealed class FanoutOptions
{
    public const string SectionName = "LiveTrack:Fanout";

    /// <summary>How often each silo publishes its coalesced changes to every silo's hub observer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the silo's observer list is refreshed from the directory grain.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each silo re-registers its observer; entries older than three intervals expire. Re-registering also
    /// heals the directory if membership changes ever leave it with a partial list.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RegistrationInterval { get; set; } = TimeSpan.FromSeconds(10);
}
