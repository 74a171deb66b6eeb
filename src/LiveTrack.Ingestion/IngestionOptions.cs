using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Ingestion;

/// <summary>The ingestion pipeline. Bound from <c>LiveTrack:Ingestion</c>; feeds from <c>LiveTrack:Feeds</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "LiveTrack:Ingestion";
    public const string FeedsSectionName = "LiveTrack:Feeds";

    /// <summary>Independent ordered lanes into the grains; one aircraft always uses the same lane.</summary>
    [Range(1, 64)]
    public int Partitions { get; set; } = 4;

    /// <summary>Reports buffered per lane before feeds are made to wait (backpressure).</summary>
    [Range(16, 1_000_000)]
    public int Capacity { get; set; } = 8_192;

    /// <summary>Most reports taken from a lane per round of grain calls.</summary>
    [Range(1, 100_000)]
    public int MaxBatch { get; set; } = 1_024;
}
