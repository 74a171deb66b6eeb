using LiveTrack.Geo;
using NetTopologySuite.Geometries;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

/// <summary>
/// "Land + N nm" for shapes far larger than a projection can hold — a country's coastline, a shape across the
/// antimeridian, a polar one — checked against great-circle distances computed here (haversine to the drawn outline
/// sampled every ≈ 0.1 nm along its lon/lat edges), independent of the projections the buffer uses.
/// </summary>
public class LargeBufferTests
{
    private const double Tolerance = 0.01;
    private static readonly DateTimeOffset ImportedAt = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(12)]
    [InlineData(200)]
    public void Mexico_plus_N_nm_is_within_a_hundredth_of_a_mile_of_N_from_its_whole_outline(double distance)
    {
        var mexico = NationalAirspace.Create(NationalAirspaceTests.Dataset1000m, "MEX", ImportedAt).Geometry;
        Assert.True(mexico.EnvelopeInternal.Width > 30); // ≈ 1,800 nm across: far beyond one projection

        var grown = GeodesicBuffer.Apply(mexico, distance, out var error);

        Assert.Null(error);
        Assert.NotNull(grown);
        AssertBufferedWithin(mexico, grown, distance, new Random(13));
    }

    [Fact]
    public void Fiji_across_the_antimeridian_plus_12_nm_is_accurate_on_both_sides()
    {
        var fiji = NationalAirspace.Create(NationalAirspaceTests.Dataset1000m, "FJI", ImportedAt).Geometry;
        Assert.Equal(-180, fiji.EnvelopeInternal.MinX);
        Assert.Equal(180, fiji.EnvelopeInternal.MaxX);

        var grown = GeodesicBuffer.Apply(fiji, 12, out var error)!;

        Assert.Null(error);
        Assert.All(grown.Coordinates, c => Assert.InRange(c.X, -180, 180));
        AssertBufferedWithin(fiji, grown, 12, new Random(17));
    }

    [Fact]
    public void A_polygon_drawn_across_the_antimeridian_grows_by_the_same_distance_on_both_sides()
    {
        var fence = ParseOne(Polygon([(175, -20), (185, -22), (188, -15), (178, -12), (175, -20)]), "{\"bufferNm\":25}");

        AssertBufferedWithin(ParseOne(Polygon([(175, -20), (185, -22), (188, -15), (178, -12), (175, -20)]), "{}").Geometry, fence.Geometry, 25, new Random(19));
    }

    [Fact]
    public void A_polar_cap_with_a_wavy_edge_plus_20_nm_is_accurate_all_round()
    {
        var edge = Enumerable.Range(0, 73).Select(i => (Lon: -180.0 + (5 * i), Lat: 80 + (2 * Math.Sin(3 * (-180.0 + (5 * i)) * Math.PI / 180))));
        var ring = edge.Append((180, 90)).Append((-180, 90)).Append((-180, 80)).ToArray();
        var cap = ParseOne(Polygon(ring), "{}").Geometry;

        var grown = GeodesicBuffer.Apply(cap, 20, out var error)!;

        Assert.Null(error);
        AssertBufferedWithin(cap, grown, 20, new Random(23));
    }

    [Fact]
    public void A_quarter_of_a_hemisphere_is_buffered_rather_than_refused()
    {
        var fence = ParseOne(Polygon(Box(-30, -20, 30, 20)), "{\"bufferNm\":10}");

        Assert.True(fence.Contains(Geodesy.Destination(new GeoPoint(0, 30), 90, 9.99), null));
        Assert.False(fence.Contains(Geodesy.Destination(new GeoPoint(0, 30), 90, 10.01), null));
        Assert.True(fence.Contains(Geodesy.Destination(new GeoPoint(20, 0), 0, 9.99), null));
        Assert.False(fence.Contains(Geodesy.Destination(new GeoPoint(20, 0), 0, 10.01), null));
    }

    /// <summary>
    /// Every sampled vertex of the grown outline (and the middle of the chord after it) lies N ± 0.01 nm from the
    /// drawn outline and outside the drawn shape; random points near the outline are inside the grown shape exactly
    /// when they are within N − 0.01 nm, outside when beyond N + 0.01 nm.
    /// </summary>
    private static void AssertBufferedWithin(Geometry drawn, Geometry grown, double distance, Random random)
    {
        var outline = new Outline(drawn, distance * 1.6);
        var prepared = new GeofenceDefinition("drawn", "drawn", [], drawn, null, null, 0, "{}");
        var result = new GeofenceDefinition("grown", "grown", [], grown, null, null, 0, "{}");
        Assert.True(grown.IsValid);

        var worst = 0.0;
        var checkedPoints = 0;
        foreach (var polygon in Planar.PolygonsOf(grown))
        {
            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var c = ring.Coordinates;
                var step = Math.Max(1, c.Length / 150);
                for (var i = random.Next(step); i + 1 < c.Length; i += step)
                {
                    if ((Math.Abs(c[i].X) == 180 && c[i].X == c[i + 1].X) || Math.Abs(c[i].Y) > 89.5)
                    {
                        continue; // the cut at ±180, or a pole closing a cap: not part of the outline on the sphere
                    }

                    var vertex = new GeoPoint(c[i].Y, c[i].X);
                    var error = Math.Abs(outline.DistanceTo(vertex) - distance);
                    Assert.True(error <= Tolerance, $"vertex {vertex} is {outline.DistanceTo(vertex):F4} nm from the outline");
                    Assert.False(prepared.Contains(vertex, null));
                    var middle = new GeoPoint((c[i].Y + c[i + 1].Y) / 2, (c[i].X + c[i + 1].X) / 2);
                    if (Math.Abs(c[i].X - c[i + 1].X) < 1)
                    {
                        Assert.True(outline.DistanceTo(middle) >= distance - Tolerance, $"chord middle {middle} is {outline.DistanceTo(middle):F4} nm from the outline");
                    }

                    worst = Math.Max(worst, error);
                    checkedPoints++;
                }
            }
        }

        Assert.True(checkedPoints > 20, $"only {checkedPoints} vertices checked");

        // Points scattered around the drawn outline, 0 to 1.5 N from it.
        for (var k = 0; k < 300; k++)
        {
            var from = outline.Samples[random.Next(outline.Samples.Count)];
            var point = Geodesy.Destination(from, random.NextDouble() * 360, random.NextDouble() * distance * 1.5);
            if (prepared.Contains(point, null))
            {
                Assert.True(result.Contains(point, null));
                continue;
            }

            var d = outline.DistanceTo(point);
            if (d < distance - Tolerance)
            {
                Assert.True(result.Contains(point, null), $"{point} is {d:F4} nm from the outline but outside the buffer");
            }
            else if (d > distance + Tolerance)
            {
                Assert.False(result.Contains(point, null), $"{point} is {d:F4} nm from the outline but inside the buffer");
            }
        }
    }

    /// <summary>The drawn outline (cuts along ±180 left out) sampled every ≈ 0.1 nm, in 1° cells for quick lookups.</summary>
    private sealed class Outline
    {
        private readonly Dictionary<(int, int), List<GeoPoint>> cells = [];
        private readonly double reach;

        /// <param name="reach">Distances up to this are measured exactly; beyond, the answer is only "farther".</param>
        public Outline(Geometry drawn, double reach)
        {
            this.reach = reach;
            foreach (var polygon in Planar.PolygonsOf(drawn))
            {
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    var c = ring.Coordinates;
                    for (var i = 1; i < c.Length; i++)
                    {
                        if ((Math.Abs(c[i].X) == 180 && c[i].X == c[i - 1].X) || (Math.Abs(c[i].Y) == 90 && c[i].Y == c[i - 1].Y))
                        {
                            continue;
                        }

                        var length = Geodesy.DistanceNauticalMiles(new GeoPoint(c[i - 1].Y, c[i - 1].X), new GeoPoint(c[i].Y, c[i].X));
                        var steps = Math.Max(1, (int)Math.Ceiling(length / 0.1));
                        for (var k = 0; k < steps; k++)
                        {
                            var f = (double)k / steps;
                            Add(new GeoPoint(c[i - 1].Y + (f * (c[i].Y - c[i - 1].Y)), c[i - 1].X + (f * (c[i].X - c[i - 1].X))));
                        }
                    }
                }
            }
        }

        public List<GeoPoint> Samples { get; } = [];

        public double DistanceTo(GeoPoint p)
        {
            // Every sample in the 1° cells that can hold one within `reach`.
            var best = double.PositiveInfinity;
            var latSpan = (int)Math.Ceiling(reach / 60) + 1;
            var high = Math.Abs(p.Latitude) + latSpan;
            var lonSpan = high >= 89 ? 180 : Math.Min(180, (int)Math.Ceiling(latSpan / Math.Cos(high * Math.PI / 180)));
            var row = (int)Math.Floor(p.Latitude);
            var column = (int)Math.Floor(p.Longitude);
            for (var r = row - latSpan; r <= row + latSpan; r++)
            {
                for (var dc = -lonSpan; dc <= lonSpan; dc++)
                {
                    var col = ((((column + dc) + 180) % 360) + 360) % 360 - 180;
                    if (cells.TryGetValue((r, col), out var list))
                    {
                        foreach (var s in list)
                        {
                            best = Math.Min(best, Geodesy.DistanceNauticalMiles(p, s));
                        }
                    }
                }
            }

            return best;
        }

        private void Add(GeoPoint p)
        {
            Samples.Add(p);
            var key = ((int)Math.Floor(p.Latitude), (((int)Math.Floor(p.Longitude) + 180) % 360 + 360) % 360 - 180);
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(p);
        }
    }
}
