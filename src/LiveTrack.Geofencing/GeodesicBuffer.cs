using LiveTrack.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using static System.FormattableString;

namespace LiveTrack.Geofencing;

/// <summary>
/// Grows a lon/lat fence by a distance in nautical miles, measured on the sphere, whatever the fence's size: a
/// country's coastline, a shape across the antimeridian, a polar cap.
/// </summary>
/// <remarks>
/// <para>The buffer of a shape is the shape itself plus every point within the distance of its outline. So the
/// fence is kept as it is, and its outline — every ring of every polygon, except the artificial cuts along ±180
/// where a shape crossing the antimeridian was split and the degenerate edges along a pole — is buffered piece by
/// piece, each piece in a projection of its own:</para>
/// <list type="number">
/// <item>each ring is densified to 0.05° (so straight lon/lat edges, as RFC 7946 defines them, keep their shape)
/// and cut into runs of vertices lying within a radius r of the run's first vertex (the projection centre);</item>
/// <item>each run is projected on the <see cref="AzimuthalEquidistant"/> plane centred there and buffered as a line
/// by NetTopologySuite (round joins and caps, enough segments per quarter circle that arcs cut in by at most
/// 0.005 nm);</item>
/// <item>the result is densified to 1 nm segments (and to 0.5° of longitude near the poles), projected back,
/// closed through a pole where it winds around one (<see cref="SphericalRing"/>), split at the antimeridian
/// (<see cref="Antimeridian"/>), and everything is unioned with the fence and checked for validity.</item>
/// </list>
/// <para>Accuracy: distances from the projection centre are exact; across them the plane stretches by c / sin c
/// (c the angular distance from the centre), which makes a distance d measured from an outline point lying r from
/// the centre wrong by about d·r²/(6R²). The run radius r is chosen from d so that this stays below
/// <see cref="MaxProjectionErrorNauticalMiles"/> (r ≈ 109 nm for 12 nm, 27 nm for 200 nm); chords cut arcs by at most
/// 0.005 nm more. So every point of the grown outline lies within 0.01 nm of the true distance from the drawn
/// shape, on the sphere of <see cref="Geodesy.EarthRadiusNauticalMiles"/>.</para>
/// </remarks>
internal static class GeodesicBuffer
{
    /// <summary>Most a run's projection may misstate a distance (see the remarks).</summary>
    public const double MaxProjectionErrorNauticalMiles = 0.002;

    private const double InputStepDegrees = 0.05;
    private const double OutputStepNauticalMiles = 1;
    private const double OutputStepLongitudeDegrees = 0.5;
    private const double MaxArcInsetNauticalMiles = 0.005;
    private const double MaxSimplifyNauticalMiles = 0.0005;
    private const double MaxRunRadiusNauticalMiles = 300;

    public static Geometry? Apply(Geometry fence, double distanceNauticalMiles, out string? error)
    {
        var grownParts = new List<Geometry> { fence };
        grownParts.AddRange(GrowRuns(fence, distanceNauticalMiles).Select(r => r.Grown));
        var result = Planar.UnionPolygons(grownParts);
        if (result.IsEmpty || !result.IsValid)
        {
            error = Invariant($"buffering by {distanceNauticalMiles} nm did not give a valid polygon");
            return null;
        }

        error = null;
        return result;
    }

    /// <summary>Each run of the fence's outline with the lon/lat area within the distance of it.</summary>
    internal static IEnumerable<(List<GeoPoint> Run, Geometry Grown)> GrowRuns(Geometry fence, double distanceNauticalMiles)
    {
        var parameters = new BufferParameters
        {
            QuadrantSegments = QuadrantSegments(distanceNauticalMiles),
            JoinStyle = JoinStyle.Round,
            EndCapStyle = EndCapStyle.Round,
            // NetTopologySuite simplifies the input line by 1 % of the distance by default: 0.12 nm at 12 nm.
            SimplifyFactor = MaxSimplifyNauticalMiles / distanceNauticalMiles,
        };

        var radius = RunRadiusNauticalMiles(distanceNauticalMiles);
        foreach (var polygon in Planar.PolygonsOf(fence))
        {
            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                foreach (var run in Runs(ring.Coordinates, radius))
                {
                    var projection = new AzimuthalEquidistant(run[0]);
                    var planar = Planar.WithoutRepeats(run.Select(p => projection.Forward(p.Latitude, p.Longitude)).ToList());
                    // Segment by segment: NetTopologySuite's buffer of a longer line snaps the vertices of inside
                    // turns by up to 0.1 % of the distance (0.012 nm at 12 nm); a two-point line has no turns.
                    var grown = planar.Count >= 2
                        ? Planar.UnionPolygons([.. Enumerable.Range(1, planar.Count - 1).Select(i =>
                            Planar.Factory.CreateLineString([planar[i - 1], planar[i]]).Buffer(distanceNauticalMiles, parameters))])
                        : Planar.Factory.CreatePoint(planar[0]).Buffer(distanceNauticalMiles, parameters);
                    yield return (run, Planar.UnionPolygons([.. Planar.PolygonsOf(grown).Select(part => Antimeridian.Normalize(Unproject(part, projection)))]));
                }
            }
        }
    }

    /// <summary>
    /// Segments per quarter circle so a chord cuts at most <see cref="MaxArcInsetNauticalMiles"/> inside an arc:
    /// a chord spanning angle α cuts in by d·(1 − cos(α/2)). 28 at 12 nm, 112 at 200 nm.
    /// </summary>
    internal static int QuadrantSegments(double distanceNauticalMiles)
    {
        var step = Math.Acos(1 - Math.Min(1, MaxArcInsetNauticalMiles / distanceNauticalMiles));
        return (int)Math.Clamp(Math.Ceiling(Math.PI / 4 / step), 8, 128);
    }

    /// <summary>The largest r with d·r²/(6R²) ≤ <see cref="MaxProjectionErrorNauticalMiles"/>, at most 300 nm.</summary>
    internal static double RunRadiusNauticalMiles(double distanceNauticalMiles) => Math.Min(
        MaxRunRadiusNauticalMiles,
        Geodesy.EarthRadiusNauticalMiles * Math.Sqrt(6 * MaxProjectionErrorNauticalMiles / distanceNauticalMiles));

    /// <summary>
    /// The ring's real edges, densified, as runs of points each within <paramref name="radius"/> of the run's first
    /// point; consecutive runs share their end point, so the runs' buffers join up.
    /// </summary>
    private static IEnumerable<List<GeoPoint>> Runs(Coordinate[] ring, double radius)
    {
        List<GeoPoint>? run = null;
        for (var i = 1; i < ring.Length; i++)
        {
            var (a, b) = (ring[i - 1], ring[i]);
            if (IsArtificial(a, b))
            {
                if (run is not null)
                {
                    yield return run;
                    run = null;
                }

                continue;
            }

            var dense = Planar.Densify([a, b], InputStepDegrees);
            foreach (var c in run is null ? dense : dense.Skip(1))
            {
                var point = new GeoPoint(c.Y, c.X);
                if (run is not null && Geodesy.DistanceNauticalMiles(run[0], point) > radius && run.Count > 1)
                {
                    yield return run;
                    run = [run[^1]];
                }

                (run ??= []).Add(point);
            }
        }

        if (run is not null)
        {
            yield return run;
        }
    }

    /// <summary>A cut along ±180 (where a shape was split at the antimeridian) or an edge along a pole.</summary>
    private static bool IsArtificial(Coordinate a, Coordinate b) =>
        (Math.Abs(a.X) == 180 && a.X == b.X) || (Math.Abs(a.Y) == 90 && a.Y == b.Y);

    private static Geometry Unproject(Polygon planar, AzimuthalEquidistant projection)
    {
        var northPole = projection.Centre.Latitude >= 0;
        Polygon UnprojectRing(LineString ring)
        {
            var dense = Planar.Densify(ring.Coordinates, OutputStepNauticalMiles);
            var loop = new List<GeoPoint>(dense.Count);
            for (var i = 0; i < dense.Count - 1; i++)
            {
                var p = projection.Inverse(dense[i].X, dense[i].Y);
                if (loop.Count > 0)
                {
                    // Near a pole 1 nm spans many degrees of longitude: follow the great circle, not a lon/lat line.
                    var q = loop[^1];
                    var pieces = (int)Math.Ceiling(Math.Abs(Antimeridian.Wrap(p.Longitude - q.Longitude)) / OutputStepLongitudeDegrees);
                    for (var k = 1; k < Math.Min(pieces, 64); k++)
                    {
                        loop.Add(Geodesy.Interpolate(q, p, (double)k / pieces));
                    }
                }

                loop.Add(p);
            }

            return Planar.Factory.CreatePolygon(SphericalRing.ToLonLat(loop, northPole, out _));
        }

        Geometry result = UnprojectRing(planar.ExteriorRing);
        foreach (var hole in planar.InteriorRings)
        {
            var lonLatHole = UnprojectRing(hole);
            var copies = new Geometry[]
            {
                lonLatHole,
                Planar.Map(lonLatHole, c => new Coordinate(c.X + 360, c.Y)),
                Planar.Map(lonLatHole, c => new Coordinate(c.X - 360, c.Y)),
            };
            result = Planar.Difference(result, Planar.UnionPolygons(copies));
        }

        return Planar.OnlyPolygons(result);
    }
}
