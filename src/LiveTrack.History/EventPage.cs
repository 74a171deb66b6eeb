namespace LiveTrack.History;

/// <summary>One page of stored events; <see cref="Next"/> is set when more may follow.</summary>
public sealed record EventPage(IReadOnlyList<EventRecord> Events, EventCursor? Next);
