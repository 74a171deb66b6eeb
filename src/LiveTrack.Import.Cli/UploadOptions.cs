namespace LiveTrack.Import.Cli;

/// <summary>Where and how <c>--server</c> sends a recording.</summary>
/// <param name="Server">The server's base address.</param>
/// <param name="ApiKey">A writer's key (<c>X-Api-Key</c>), or null.</param>
/// <param name="Format">The <c>format</c> parameter (<c>auto</c>, <c>trace</c>, …).</param>
/// <param name="Alerts">Let the live alert rules fire.</param>
/// <param name="Partial">Keep what precedes a truncated part.</param>
/// <param name="Feed">The feed name, or null for the server's default (<c>import-{id}</c>).</param>
internal sealed record UploadOptions(Uri Server, string? ApiKey, string Format, bool Alerts, bool Partial, string? Feed);
