using LiveTrack.History;

namespace LiveTrack.Server.Apis.History;

/// <summary>One recorded change of callsign, squawk, altitude or emergency in a track response.</summary>
public sealed record HistoryChange(DateTimeOffset At, ChangeField Field, string Value, string Feed, bool Imported);
