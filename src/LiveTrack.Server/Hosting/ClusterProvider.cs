namespace LiveTrack.Server.Hosting;

/// <summary>The cluster profile: one machine, in memory (the embedded default), or several machines on PostgreSQL.</summary>
public enum ClusterProvider
{
    Localhost,
    PostgreSql,
}
