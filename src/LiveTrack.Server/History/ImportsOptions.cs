using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.History;

/// <summary>Imports of recorded data through <c>POST /api/imports</c>. Bound from <c>LiveTrack:Imports</c>.</summary>
public sealed class ImportsOptions
{
    public const string SectionName = "LiveTrack:Imports";

    /// <summary>The largest upload accepted (a 413 problem beyond). Far above the API's other bodies (4 MB for fences).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Imports that run at the same time; the others wait in the queue.</summary>
    [Range(1, 4)]
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>Imports that may wait; a further upload is refused with a 503 problem until one finishes.</summary>
    [Range(1, 1000)]
    public int MaxQueued { get; set; } = 16;

    /// <summary>Finished imports whose status is kept (in memory, the oldest forgotten first).</summary>
    [Range(1, 10_000)]
    public int KeepFinished { get; set; } = 100;

    /// <summary>Where uploads are spooled until their import ends (default: a folder under the system's temporary directory).</summary>
    public string? SpoolPath { get; set; }

    /// <summary>Reports per history write (one transaction each).</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 20_000;
}
