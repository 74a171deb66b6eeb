namespace LiveTrack.Server.Alerts;

/// <summary>A persisted rule: its JSON document with secrets (the source of truth), and the version it was written with.</summary>
public sealed record StoredRule(string Id, string Json, DateTimeOffset UpdatedAt)
{
    public long Version { get; init; }
}
