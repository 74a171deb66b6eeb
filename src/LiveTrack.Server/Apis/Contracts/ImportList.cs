namespace LiveTrack.Server.Apis.Contracts;

/// <summary><c>GET /api/imports</c>: this server's imports, newest first (running, queued and the last finished ones).</summary>
public sealed record ImportList(int Count, IReadOnlyList<ImportStatus> Imports);
