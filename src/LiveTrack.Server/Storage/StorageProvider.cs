namespace LiveTrack.Server.Storage;

/// <summary>Where fences, rules, alerts and grain state are kept (see <see cref="StorageOptions"/>).</summary>
public enum StorageProvider
{
    Files,
    PostgreSql,
}
