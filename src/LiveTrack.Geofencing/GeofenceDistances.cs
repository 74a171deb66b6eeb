using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>
/// Distances between points and a fence's horizontal outline, on the sphere: the nearest point of the outline, and
/// the outline point with the smallest sum of distances to two foci (whether a spherical ellipse reaches the fence).
/// </summary>
/// <remarks>
/// <para>The outline is the fence's edges as <see cref="GeofenceDefinition.Geometry"/> holds them: straight lines in
/// longitude/latitude (RFC 7946), the same edges the point-in-fence test uses. Edges that only exist because a shape
/// crossing the antimeridian was split there (a stretch of ±180 that the fence covers on both sides) and edges
/// along a pole are not outline and are left out.</para>
/// <para>Method: branch and bound. Candidate edges come from the fence's edge tree, queried with the box of a
/// spherical cap that must hold the answer (grown until it provably does). Each edge piece is judged by the value
/// at its midpoint minus the Lipschitz constant (1 for a distance, 2 for a focal sum) times an upper bound of the
/// distance from the midpoint to any point of the piece (its lon/lat length, with the cosine of the latitude
/// nearest the equator); pieces that cannot beat the best value found are dropped, the others halved until they are
/// at most 60 nm long, where the function is unimodal (a distance, or a sum of two, along a nearly straight line) and
/// golden-section search finds the piece's minimum to 1e-6 nm. The result is within
/// <see cref="DistanceToleranceNauticalMiles"/> (distances) or <see cref="FocalSumToleranceNauticalMiles"/> (focal
/// sums) of the true minimum, and never below it: it is the value at an actual outline point.</para>
/// </remarks>
public static class GeofenceDistances
{
    /// <summary>Absolute accuracy of <see cref="NearestBoundaryPoint"/>.</summary>
    public const double DistanceToleranceNauticalMiles = 1e-5;

    /// <summary>Absolute accuracy of <see cref="MinimumFocalSum"/>.</summary>
    public const double FocalSumToleranceNauticalMiles = 1e-3;

    /// <summary>
    /// True when <paramref name="point"/> is inside the fence's horizontal outline or on it, whatever the fence's
    /// altitude band (the horizontal half of <see cref="GeofenceDefinition.Contains(GeoPoint, int?)"/>).
    /// </summary>
    public static bool CoversHorizontally(GeofenceDefinition fence, GeoPoint point) => PreparedFence.For(fence).Covers(point);

    /// <summary>
    /// The point of the fence's outline nearest to <paramref name="point"/> (great-circle distance), or null when no
    /// outline point lies within <paramref name="withinNauticalMiles"/> (or the fence has no outline: a whole-globe
    /// shape).
    /// </summary>
    public static BoundaryPoint? NearestBoundaryPoint(
        GeofenceDefinition fence,
        GeoPoint point,
        double withinNauticalMiles = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var p = new GeoPoint(point.Latitude, Geodesy.NormalizeLongitude(point.Longitude));
        return new BoundarySearch(
            PreparedFence.For(fence),
            p,
            q => Geodesy.DistanceNauticalMiles(p, q),
            1,
            value => value,
            DistanceToleranceNauticalMiles).Run(withinNauticalMiles);
    }

    /// <summary>
    /// The point P of the fence's outline with the smallest d(<paramref name="a"/>, P) + d(P, <paramref name="b"/>)
    /// (great-circle distances), or null when that sum exceeds <paramref name="withinNauticalMiles"/> everywhere on
    /// the outline. The fence meets the spherical ellipse {P : d(a, P) + d(P, b) ≤ D} exactly when this sum is ≤ D
    /// or a focus is inside the fence.
    /// </summary>
    public static BoundaryPoint? MinimumFocalSum(
        GeofenceDefinition fence,
        GeoPoint a,
        GeoPoint b,
        double withinNauticalMiles = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var fa = new GeoPoint(a.Latitude, Geodesy.NormalizeLongitude(a.Longitude));
        var fb = new GeoPoint(b.Latitude, Geodesy.NormalizeLongitude(b.Longitude));
        var focalDistance = Geodesy.DistanceNauticalMiles(fa, fb);
        var centre = Geodesy.Interpolate(fa, fb, 0.5);

        // Every P with d(a,P) + d(P,b) ≤ F lies within (F + d(a,b)) / 2 of the midpoint of a and b.
        return new BoundarySearch(
            PreparedFence.For(fence),
            centre,
            q => Geodesy.DistanceNauticalMiles(fa, q) + Geodesy.DistanceNauticalMiles(q, fb),
            2,
            value => (value + focalDistance) / 2,
            FocalSumToleranceNauticalMiles).Run(withinNauticalMiles);
    }
}
