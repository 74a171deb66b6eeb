namespace LiveTrack.Alerting;

/// <summary>Alerts of <paramref name="RuleId"/> for <paramref name="Icao"/> at times before <paramref name="Until"/> are dropped.</summary>
public sealed record CooldownState(string RuleId, string Icao, DateTimeOffset Until);
