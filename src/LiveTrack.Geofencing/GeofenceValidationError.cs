namespace LiveTrack.Geofencing;

/// <summary>
/// One problem found in a geofence document. <see cref="Field"/> is a JSON-path-like name relative to the document
/// root, ready for the <c>errors</c> member of RFC 7807 problem details: <c>geometry.coordinates[0][3]</c>,
/// <c>properties.floorFt</c>, <c>features[2].geometry.type</c>. <c>$</c> names the whole document.
/// </summary>
/// <param name="Field">Where the problem is.</param>
/// <param name="Message">What is wrong, in words meant for the person who wrote the document.</param>
public sealed record GeofenceValidationError(string Field, string Message);
