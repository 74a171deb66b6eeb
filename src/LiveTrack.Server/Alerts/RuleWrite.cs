using LiveTrack.Alerting;

namespace LiveTrack.Server.Alerts;

/// <summary>A rule as written, and whether it replaced one with the same id.</summary>
public sealed record RuleWrite(AlertRule Rule, bool Replaced);
