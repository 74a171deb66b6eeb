namespace LiveTrack;

/// <summary>A page of alert history, newest first.</summary>
/// <param name="Alerts">The alerts of this page.</param>
/// <param name="Next">Cursor for the next (older) page; null on the last page.</param>
[GenerateSerializer, Immutable, Alias("livetrack.AlertPage")]
public sealed record AlertPage([property: Id(0)] Alert[] Alerts, [property: Id(1)] string? Next);
