namespace LiveTrack.Server.Apis.Contracts;

/// <summary>
/// A page of fences as a GeoJSON FeatureCollection; <c>next</c> (a foreign member, RFC 7946 §6.1) is the cursor of
/// the following page, null on the last. <see cref="Features"/> is produced while the response is written.
/// </summary>
public sealed record GeofenceFeaturePage(string Type, IEnumerable<GeofenceFeature> Features, string? Next);
