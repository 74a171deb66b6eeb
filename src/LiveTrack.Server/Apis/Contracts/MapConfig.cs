namespace LiveTrack.Server.Apis.Contracts;

/// <summary>
/// The answer to <c>GET /api/map/config</c>: what the map page needs to know before it draws.
/// </summary>
/// <param name="TileUrl">The optional online XYZ tile URL template (null: offline basemap only).</param>
/// <param name="TileAttribution">Attribution of the online tiles.</param>
/// <param name="ApiKeyRequired">True when reads and the hub need an API key (<c>LiveTrack:Api:AnonymousReads=false</c>).</param>
/// <param name="FrameIntervalMs">The hub's frame interval in milliseconds.</param>
public sealed record MapConfig(string? TileUrl, string? TileAttribution, bool ApiKeyRequired, double FrameIntervalMs);
