using LiveTrack.Geo;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

public class PolygonLocatorTests
{
    [Fact]
    public void The_banded_locator_agrees_with_NetTopologySuite_on_vertices_edges_and_rays_through_vertices()
    {
        var random = new Random(12);
        var mismatches = 0;
        var checkedPoints = 0;
        for (var n = 0; n < 60; n++)
        {
            var fence = ParseOne(Feature(n % 3 == 0
                ? Polygon(Box(0, 0, 4, 4), Box(1, 1, 2, 3), Box(2.5, 0.5, 3.5, 1.5))
                : StarPolygon(random, new GeoPoint(-60 + (120 * random.NextDouble()), -170 + (340 * random.NextDouble())), 20 + (200 * random.NextDouble()), random.Next(16, 201))));
            var polygon = (Polygon)fence.Geometry;
            var ours = new PolygonLocator(polygon);
            var reference = new SimplePointInAreaLocator(polygon);
            var vertices = polygon.Coordinates;
            var envelope = polygon.EnvelopeInternal;

            var probes = new List<Coordinate>();
            for (var i = 0; i + 1 < vertices.Length; i++)
            {
                var (a, b) = (vertices[i], vertices[i + 1]);
                probes.Add(a); // a vertex
                probes.Add(new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2)); // (near) an edge's midpoint
                probes.Add(new Coordinate(envelope.MinX + (envelope.Width * random.NextDouble()), a.Y)); // a ray through a vertex
                probes.Add(new Coordinate(a.X + ((random.NextDouble() - 0.5) * 1e-9), a.Y + ((random.NextDouble() - 0.5) * 1e-9)));
                probes.Add(new Coordinate(envelope.MinX + (envelope.Width * random.NextDouble()), envelope.MinY + (envelope.Height * random.NextDouble())));
            }

            foreach (var p in probes)
            {
                checkedPoints++;
                if (ours.Locate(p.X, p.Y) != reference.Locate(p))
                {
                    mismatches++;
                }
            }
        }

        Assert.Equal(0, mismatches);
        Assert.True(checkedPoints > 20_000);
    }

    [Fact]
    public void Points_on_horizontal_and_vertical_edges_and_at_corners_are_on_the_boundary()
    {
        var locator = new PolygonLocator((Polygon)ParseOne(Feature(Polygon(Box(0, 0, 4, 4), Box(1, 1, 2, 2)))).Geometry);

        Assert.Equal(Location.Boundary, locator.Locate(2, 0));
        Assert.Equal(Location.Boundary, locator.Locate(4, 3));
        Assert.Equal(Location.Boundary, locator.Locate(0, 0));
        Assert.Equal(Location.Boundary, locator.Locate(1.5, 2));
        Assert.Equal(Location.Interior, locator.Locate(3, 1)); // the ray runs along the hole's bottom edge
        Assert.Equal(Location.Exterior, locator.Locate(1.5, 1.5));
        Assert.Equal(Location.Exterior, locator.Locate(4.000001, 2));
        Assert.Equal(Location.Exterior, locator.Locate(double.NaN, 2));
    }
}
