using System.Globalization;
using LiveTrack.Geo;
using LiveTrack.Geofencing;
using Xunit.Abstractions;

namespace LiveTrack.Grains.Tests;

/// <summary>
/// <see cref="AircraftFences"/> keeping each aircraft's <see cref="FenceNeighbourhood"/> between moves must raise
/// exactly the events of evaluating every move from the index alone (what it did before the neighbourhood existed).
/// </summary>
public sealed class AircraftFencesNeighbourhoodTests(ITestOutputHelper output)
{
    private const int Aircraft = 48;
    private const int Steps = 500;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Kept_neighbourhoods_raise_exactly_the_events_of_evaluating_every_move_from_the_index()
    {
        var random = new Random(17);
        var fences = new List<GeofenceDefinition>();
        fences.AddRange(Enumerable.Range(0, 700).Select(i => Packed($"packed-{i}", random, 0, 5, 45, 48)));
        fences.AddRange(Enumerable.Range(0, 80).Select(i => Packed($"pacific-{i}", random, 179.4, 180.6, -18, -16)));
        fences.AddRange(Enumerable.Range(0, 30).Select(i => GridBox($"grid-{i}", random)));
        var index = GeofenceIndex.Create(fences);

        var walks = Enumerable.Range(0, Aircraft).Select(a => Walk(a, new Random(1000 + a))).ToArray();
        var kept = Enumerable.Range(0, Aircraft).Select(a => new AircraftFences($"{a:x6}", T0)).ToArray();
        var plain = Enumerable.Range(0, Aircraft).Select(a => new AircraftFences($"{a:x6}", T0) { KeepsNeighbourhood = false }).ToArray();
        var events = 0;
        var changes = 0;
        for (var a = 0; a < Aircraft; a++)
        {
            Assert.Equal(plain[a].Moved(index, null, walks[a][0], "TEST1"), kept[a].Moved(index, null, walks[a][0], "TEST1"));
        }

        for (var s = 1; s < Steps; s++)
        {
            if (s % 40 == 0)
            {
                // The catalog changes under the aircraft: a fence added around one of them, one replaced, one deleted.
                var near = walks[random.Next(Aircraft)][s - 1];
                var added = Packed($"added-{s}", random, near.Longitude - 0.02, near.Longitude + 0.02, near.Latitude - 0.02, near.Latitude + 0.02);
                var replaced = index.Fences[random.Next(index.Count)];
                var replacement = Packed(replaced.Id, random, near.Longitude - 0.05, near.Longitude + 0.05, near.Latitude - 0.05, near.Latitude + 0.05);
                var deleted = index.Fences[random.Next(index.Count)].Id;
                foreach (var (id, fence) in new[] { (added.Id, added), (replaced.Id, replacement), (deleted, (GeofenceDefinition?)null) })
                {
                    index = fence is null ? index.Without(id) : index.With(fence);
                    changes++;
                    for (var a = 0; a < Aircraft; a++)
                    {
                        Assert.Equal(plain[a].FenceChanged(id, fence, walks[a][s - 1], "TEST1"), kept[a].FenceChanged(id, fence, walks[a][s - 1], "TEST1"));
                    }
                }
            }

            for (var a = 0; a < Aircraft; a++)
            {
                var expected = plain[a].Moved(index, walks[a][s - 1], walks[a][s], "TEST1");
                var actual = kept[a].Moved(index, walks[a][s - 1], walks[a][s], "TEST1");
                Assert.True(expected.SequenceEqual(actual), $"aircraft {a}, move {s}: {Describe(expected)} vs {Describe(actual)}");
                Assert.Equal(plain[a].Inside.Order(StringComparer.Ordinal), kept[a].Inside.Order(StringComparer.Ordinal));
                events += expected.Count;
            }
        }

        // The walks do cross fences, and most moves were answered from a kept neighbourhood, some after a rebuild.
        Assert.True(events > 1000, $"{events} events");
        Assert.Equal((Steps - 1) / 40 * 3, changes);
        var hits = kept.Sum(k => k.Neighbourhood!.Hits);
        var rebuilds = kept.Sum(k => k.Neighbourhood!.Rebuilds);
        output.WriteLine($"{Aircraft * (Steps - 1)} moves, {events} events, {hits} answered from a kept neighbourhood, {rebuilds} rebuilds");
        Assert.True(hits > Aircraft * Steps / 2, $"{hits} hits");
        Assert.True(rebuilds > Aircraft * 20, $"{rebuilds} rebuilds");
    }

    /// <summary>
    /// Four kinds of track: random walks among the packed fences (mostly short moves, some long jumps, climbing
    /// and descending through altitude bands, sometimes without altitude); tracks along a parallel or a meridian
    /// that is a cell or sub-cell edge of the index (the great circle between two points of a parallel bulges
    /// across it); and walks back and forth across the antimeridian, now and then exactly on ±180.
    /// </summary>
    private static TrackPosition[] Walk(int a, Random random)
    {
        var walk = new TrackPosition[Steps];
        var kind = a % 4;
        var at = kind switch
        {
            3 => new GeoPoint(-17 + random.NextDouble(), 179.8 + (0.4 * random.NextDouble())),
            _ => new GeoPoint(45.5 + (2 * random.NextDouble()), 0.5 + (4 * random.NextDouble())),
        };
        var lineLatitude = a % 8 == 1 ? 46.0 : 46 + (random.Next(1, 32) / 32.0);
        var lineLongitude = a % 8 == 2 ? 2.0 : 2 + (random.Next(1, 32) / 32.0);
        var heading = 360 * random.NextDouble();
        var (alongParallel, alongMeridian) = (0.5, 45.2);
        int? altitude = 10_000;
        for (var s = 0; s < Steps; s++)
        {
            var time = T0.AddSeconds(s);
            alongParallel += 0.002 * random.Next(-1, 4);
            alongMeridian += 0.0015 * random.Next(-1, 4);
            walk[s] = kind switch
            {
                1 => new TrackPosition(lineLatitude, alongParallel, altitude, time),
                2 => new TrackPosition(alongMeridian, lineLongitude, altitude, time),
                3 when random.Next(30) == 0 => new TrackPosition(at.Latitude, random.Next(2) == 0 ? 180 : -180, altitude, time),
                _ => new TrackPosition(at.Latitude, at.Longitude, altitude, time),
            };

            heading += (random.NextDouble() - 0.5) * 40;
            var roll = random.Next(100);
            var step = roll switch
            {
                0 => 60.0,
                < 6 => 3 + (12 * random.NextDouble()),
                _ => 0.02 + (0.4 * random.NextDouble()),
            };
            at = Geodesy.Destination(at, heading, step);
            if (kind != 3 && (at.Latitude is < 45 or > 48 || at.Longitude is < 0 or > 5))
            {
                at = new GeoPoint(46.5, 2.5); // A long move back into the packed area.
            }
            else if (kind == 3 && (at.Latitude is < -18 or > -16 || Math.Abs(Geodesy.NormalizeLongitude(at.Longitude)) < 179.3))
            {
                at = new GeoPoint(-17, 179.9);
            }

            altitude = random.Next(50) == 0 ? null : Math.Clamp((altitude ?? 10_000) + random.Next(-800, 801), 0, 30_000);
        }

        return walk;
    }

    /// <summary>
    /// A 16-vertex polygon 5–20 nm across like the load generator's packed layout, centred in the box given (longitudes
    /// may run past 180: the parser splits the fence there); one in eight has an altitude band.
    /// </summary>
    private static GeofenceDefinition Packed(string id, Random random, double west, double east, double south, double north)
    {
        var latitude = south + ((north - south) * random.NextDouble());
        var longitude = west + ((east - west) * random.NextDouble());
        longitude -= longitude > 180 ? 360 : 0;
        var vertices = new (double Lon, double Lat)[16];
        for (var k = 0; k < 16; k++)
        {
            var angle = k * Math.PI / 8;
            var radius = (2.5 + (7.5 * random.NextDouble())) / 60;
            vertices[k] = (Math.Round(longitude + (radius * Math.Sin(angle) / Math.Cos(latitude * Math.PI / 180)), 5), Math.Round(latitude + (radius * Math.Cos(angle)), 5));
        }

        // GeoJSON may continue across the antimeridian from a first vertex within -180..180.
        var first = Array.FindIndex(vertices, v => v.Lon is >= -180 and <= 180);
        var ring = Enumerable.Range(0, 17)
            .Select(k => vertices[(first + k) % 16])
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"[{v.Lon:R},{v.Lat:R}]"))
            .ToList();
        var floor = random.Next(8) == 0 ? random.Next(0, 20_000) : (int?)null;
        var band = floor is { } f ? string.Create(CultureInfo.InvariantCulture, $",\"floorFt\":{f},\"ceilingFt\":{f + 5_000}") : "";
        return Parse($"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{id}\"{band}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', ring)}]]}}}}");
    }

    /// <summary>A box whose sides lie on the index's 1/32° sub-cell lines, where the grid tracks run.</summary>
    private static GeofenceDefinition GridBox(string id, Random random)
    {
        var west = 0.5 + (random.Next(0, 128) / 32.0);
        var south = 45.5 + (random.Next(0, 64) / 32.0);
        var east = west + (random.Next(1, 8) / 32.0);
        var north = south + (random.Next(1, 8) / 32.0);
        return Parse(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{id}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{west},{south}],[{east},{south}],[{east},{north}],[{west},{north}],[{west},{south}]]]}}}}"));
    }

    private static GeofenceDefinition Parse(string json)
    {
        var result = GeofenceParser.Parse(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return Assert.Single(result.Fences);
    }

    private static string Describe(List<GeofenceEvent> events) =>
        "[" + string.Join(", ", events.Select(e => $"{e.Kind} {e.FenceId} {e.At:O} {e.Boundary}")) + "]";
}
