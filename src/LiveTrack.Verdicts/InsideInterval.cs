namespace LiveTrack.Verdicts;

/// <summary>A stretch of the track inside the fence (interpolated between reports, never across a gap).</summary>
/// <param name="From">Start.</param>
/// <param name="To">End.</param>
/// <param name="StartsWith">What starts it.</param>
/// <param name="EndsWith">What ends it.</param>
public sealed record InsideInterval(DateTimeOffset From, DateTimeOffset To, IntervalEdge StartsWith, IntervalEdge EndsWith);
