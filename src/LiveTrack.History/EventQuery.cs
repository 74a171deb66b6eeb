namespace LiveTrack.History;

/// <summary>
/// A page of the stored event log, in ascending (<c>At</c>, <c>Icao</c>, <c>Sequence</c>) order. Every filter is
/// optional; <see cref="After"/> continues after the last event of the previous page.
/// </summary>
public sealed record EventQuery
{
    public string? Icao { get; init; }

    public string? FenceId { get; init; }

    public GeofenceEventKind? Kind { get; init; }

    /// <summary>Inclusive lower bound on <see cref="GeofenceEvent.At"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on <see cref="GeofenceEvent.At"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only imported (true), only live (false), or both (null).</summary>
    public bool? Imported { get; init; }

    /// <summary>At most this many events (1–10,000).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Continue strictly after this position in the order (from <see cref="EventPage.Next"/>).</summary>
    public EventCursor? After { get; init; }
}
