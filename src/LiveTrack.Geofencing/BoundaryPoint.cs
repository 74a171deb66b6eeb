using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>A point on a fence's horizontal outline and the value the search minimised there.</summary>
/// <param name="Point">The point on the outline (on one of the fence's straight lon/lat edges).</param>
/// <param name="DistanceNauticalMiles">
/// The minimised quantity at <paramref name="Point"/>: the great-circle distance from the query point for
/// <see cref="GeofenceDistances.NearestBoundaryPoint"/>, the sum of the distances to both foci for
/// <see cref="GeofenceDistances.MinimumFocalSum"/>.
/// </param>
public readonly record struct BoundaryPoint(GeoPoint Point, double DistanceNauticalMiles);
