using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing.Tests;

/// <summary>
/// Candidates and crossings found through a kept <see cref="FenceNeighbourhood"/> are exactly those found from the
/// index alone, for every kind of fence (circles, stars split at the antimeridian, polar caps, altitude bands,
/// buffers, fences large enough for the index's list of large boxes) and tracks anywhere, poles and ±180 included.
/// </summary>
public sealed class FenceNeighbourhoodTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Candidates_and_crossings_through_a_neighbourhood_are_those_of_the_index_alone()
    {
        var fences = RandomFences.Create(400, seed: 1717);
        var index = GeofenceIndex.Create(fences.Take(350));
        var spare = new Queue<GeofenceDefinition>(fences.Skip(350));
        var random = new Random(71);
        var moves = 0;
        var crossings = 0;
        var near = new FenceNeighbourhood();
        for (var track = 0; track < 120; track++)
        {
            var at = track switch
            {
                < 20 => new GeoPoint(-60 + (120 * random.NextDouble()), 179 + (2 * random.NextDouble())),
                < 30 => new GeoPoint(89.5 + (0.5 * random.NextDouble()), -180 + (360 * random.NextDouble())),
                _ => new GeoPoint(-80 + (160 * random.NextDouble()), -180 + (360 * random.NextDouble())),
            };
            var heading = 360 * random.NextDouble();
            var from = new TrackPosition(at.Latitude, at.Longitude, random.Next(0, 40_000), T0);
            for (var s = 1; s <= 150; s++)
            {
                if (random.Next(200) == 0 && spare.Count > 0)
                {
                    // The catalog changes: a fence added or one deleted (a new index either way).
                    index = random.Next(2) == 0 ? index.With(spare.Dequeue()) : index.Without(index.Fences[random.Next(index.Count)].Id);
                }

                heading += (random.NextDouble() - 0.5) * 30;
                var step = random.Next(40) == 0 ? 30 + (300 * random.NextDouble()) : 0.05 + (1.5 * random.NextDouble());
                at = Geodesy.Destination(at, heading, step);
                var longitude = random.Next(25) == 0 ? (random.Next(2) == 0 ? 180.0 : -180.0) : at.Longitude;
                var to = new TrackPosition(at.Latitude, longitude, random.Next(10) == 0 ? null : random.Next(0, 40_000), T0.AddSeconds(s));

                var expected = index.CandidatesAlong(from.Point, to.Point);
                var actual = index.CandidatesAlong(from.Point, to.Point, near);
                Assert.Equal(expected.Select(f => f.Id), actual.Select(f => f.Id));
                foreach (var fence in expected)
                {
                    var plain = GeofenceCrossings.Find(fence, from, to);
                    Assert.Equal(plain, GeofenceCrossings.Find(fence, from, to, near));
                    crossings += plain.Count;
                }

                from = to;
                moves++;
            }
        }

        Assert.True(crossings > 100, $"{crossings} crossings");
        Assert.True(near.Hits > moves / 4, $"{near.Hits} of {moves} moves answered from the neighbourhood");
        Assert.True(near.Rebuilds > 120, $"{near.Rebuilds} rebuilds");
    }

    [Fact]
    public void The_edge_check_without_a_tree_agrees_with_the_edge_tree_for_boxes_at_and_around_the_edges()
    {
        var random = new Random(23);
        var checkedBoxes = 0;
        var meeting = 0;
        foreach (var fence in RandomFences.Create(120, seed: 29).Select(PreparedFence.For))
        {
            var vertices = fence.Definition.Geometry.Coordinates;
            for (var k = 0; k < 60; k++)
            {
                // Boxes with a side or corner exactly on a vertex's coordinates, points, lines, and boxes anywhere near.
                var v = vertices[random.Next(vertices.Length)];
                var w = vertices[random.Next(vertices.Length)];
                var size = random.Next(4) switch { 0 => 0, 1 => 1e-9, 2 => 0.01, _ => random.NextDouble() * 3 };
                var (minX, minY) = (k % 3) switch
                {
                    0 => (v.X, v.Y),
                    1 => (v.X - size, w.Y),
                    _ => (fence.Envelope.MinX + ((fence.Envelope.Width + 1) * random.NextDouble()) - 0.5, fence.Envelope.MinY + ((fence.Envelope.Height + 1) * random.NextDouble()) - 0.5),
                };
                var (maxX, maxY) = (Math.Min(180, minX + (k % 2 == 0 ? size : 0)), minY + size);
                minX = Math.Max(-180, minX);
                if (minX > maxX)
                {
                    continue; // Beyond ±180: no such box is asked about.
                }

                var expected = fence.EdgesNear(new Envelope(minX, maxX, minY, maxY)).Count > 0;
                Assert.Equal(expected, fence.AnyEdgeMeets(minX, maxX, minY, maxY));
                checkedBoxes++;
                meeting += expected ? 1 : 0;
            }
        }

        Assert.True(meeting > checkedBoxes / 4 && meeting < checkedBoxes * 3 / 4, $"{meeting} of {checkedBoxes} boxes meet an edge");
    }

    [Fact]
    public void A_neighbourhood_answers_a_move_across_the_antimeridian_from_either_side()
    {
        var fiji = TestFences.ParseOne(TestFences.Polygon(TestFences.Box(179.99, -17.01, 180.01, -16.99)), TestFences.Json("{'id':'fiji'}"));
        var index = GeofenceIndex.Create([fiji]);
        var near = new FenceNeighbourhood();

        Assert.Equal(["fiji"], index.CandidatesAlong(new GeoPoint(-17, 179.995), new GeoPoint(-17, 179.999), near).Select(f => f.Id));
        Assert.Equal(["fiji"], index.CandidatesAlong(new GeoPoint(-17, 179.999), new GeoPoint(-17, -179.999), near).Select(f => f.Id));
        Assert.Equal(["fiji"], index.CandidatesAlong(new GeoPoint(-17, -179.999), new GeoPoint(-17, -179.995), near).Select(f => f.Id));
        Assert.Empty(index.CandidatesAlong(new GeoPoint(-17.03, -179.999), new GeoPoint(-17.02, -179.995), near));
        Assert.Equal(1, near.Rebuilds);
        Assert.Equal(3, near.Hits);
    }
}
