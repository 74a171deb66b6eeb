using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiveTrack.Geo;
using LiveTrack.Geofencing;

namespace LiveTrack.Benchmarks;

/// <summary>
/// <see cref="GeofenceIndex.Containing(double, double, int?)"/>, per position check, over 100, 1,000 and 10,000
/// polygon fences of 16–200 vertices (seeded, parsed from GeoJSON like real fences). Goal (issue 4): ≤ 1 µs per
/// check with 10,000 fences on one core.
/// </summary>
[MemoryDiagnoser]
public class GeofenceLookupBenchmarks
{
    private GeofenceIndex index = null!;
    private GeofenceWorkload.Position[] positions = null!;

    [Params(100, 1_000, 10_000)]
    public int Fences { get; set; }

    [Params(FencePlacement.World, FencePlacement.Region)]
    public FencePlacement Placement { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var fences = GeofenceWorkload.CreateFences(Fences, Placement, seed: 4);
        index = GeofenceIndex.Create(fences);
        positions = GeofenceWorkload.CreatePositions(Placement, seed: 5);
        var hits = positions.Sum(p => index.Containing(p.Latitude, p.Longitude, p.AltitudeFeet).Count);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {fences.Count} fences, {fences.Sum(f => f.Geometry.NumPoints)} vertices; {(double)hits / positions.Length:F3} fences contain an average position"));
    }

    [Benchmark(OperationsPerInvoke = GeofenceWorkload.PositionCount)]
    public int Containing()
    {
        var hits = 0;
        foreach (var p in positions)
        {
            hits += index.Containing(p.Latitude, p.Longitude, p.AltitudeFeet).Count;
        }

        return hits;
    }
}

/// <summary>Where the benchmark's fences and positions lie.</summary>
public enum FencePlacement
{
    /// <summary>Centres anywhere between 70°S and 70°N (uniform on the sphere): most positions are in no fence's box.</summary>
    World,

    /// <summary>
    /// Everything within 30°N–65°N, 30°W–40°E (Europe and the eastern Atlantic): fences overlap, a position is in
    /// several fences' boxes.
    /// </summary>
    Region,

    /// <summary>
    /// The load generator's <c>--layout packed</c>: 16-vertex polygons 5–20 nm across, centres in lon −10…30,
    /// lat 35…60 (the workload of issue 17), 2D.
    /// </summary>
    Packed,
}

/// <summary>Seeded fences and positions for <see cref="GeofenceLookupBenchmarks"/>.</summary>
internal static class GeofenceWorkload
{
    public const int PositionCount = 4096;

    public static List<GeofenceDefinition> CreateFences(int count, FencePlacement placement, int seed)
    {
        var random = new Random(seed);
        var fences = new List<GeofenceDefinition>(count);
        if (placement == FencePlacement.Packed)
        {
            for (var i = 0; i < count; i++)
            {
                fences.Add(PackedPolygon(i, random));
            }

            return fences;
        }

        while (fences.Count < count)
        {
            var centre = RandomPoint(random, placement);
            var vertices = random.Next(16, 201);
            var radius = 5 + (45 * random.NextDouble());
            var ring = new List<string>(vertices + 1);
            var previousLongitude = double.NaN;
            for (var i = 0; i < vertices; i++)
            {
                // A star around the centre; longitudes continue across the antimeridian (the parser splits there).
                var p = Geodesy.Destination(centre, 360.0 * i / vertices, radius * (0.6 + (0.4 * random.NextDouble())));
                var longitude = double.IsNaN(previousLongitude) ? p.Longitude : previousLongitude + Wrap(p.Longitude - previousLongitude);
                previousLongitude = longitude;
                ring.Add(string.Create(CultureInfo.InvariantCulture, $"[{longitude:R},{p.Latitude:R}]"));
            }

            ring.Add(ring[0]);
            var band = random.Next(10) == 0 ? ",\"floorFt\":0,\"ceilingFt\":18000" : "";
            var json = string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"fence-{fences.Count}\"{band}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', ring)}]]}}}}");
            var result = GeofenceParser.Parse(json);
            if (result.IsValid)
            {
                fences.Add(result.Fences[0]);
            }
        }

        return fences;
    }

    public static Position[] CreatePositions(FencePlacement placement, int seed)
    {
        var random = new Random(seed);
        var positions = new Position[PositionCount];
        for (var i = 0; i < positions.Length; i++)
        {
            var p = RandomPoint(random, placement);
            positions[i] = new Position(p.Latitude, p.Longitude, random.Next(20) == 0 ? null : random.Next(0, 45_000));
        }

        return positions;
    }

    /// <summary>An irregular 16-vertex ring (2.5–10 nm from a random centre) in lon −10…30, lat 35…60.</summary>
    private static GeofenceDefinition PackedPolygon(int i, Random random)
    {
        var latitude = 35 + (25 * random.NextDouble());
        var longitude = -10 + (40 * random.NextDouble());
        var ring = new List<string>(17);
        for (var k = 0; k < 16; k++)
        {
            var angle = k * Math.PI / 8;
            var radius = (2.5 + (7.5 * random.NextDouble())) / 60;
            ring.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"[{longitude + (radius * Math.Sin(angle) / Math.Cos(latitude * Math.PI / 180)):0.00000},{latitude + (radius * Math.Cos(angle)):0.00000}]"));
        }

        ring.Add(ring[0]);
        var json = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"packed-{i}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', ring)}]]}}}}");
        return GeofenceParser.Parse(json).Fences[0];
    }

    private static GeoPoint RandomPoint(Random random, FencePlacement placement) => placement switch
    {
        FencePlacement.World => new GeoPoint(
            Math.Asin(Math.Sin(70 * Math.PI / 180) * ((2 * random.NextDouble()) - 1)) * 180 / Math.PI,
            -180 + (360 * random.NextDouble())),
        _ => new GeoPoint(30 + (35 * random.NextDouble()), -30 + (70 * random.NextDouble())),
    };

    private static double Wrap(double delta) => delta >= 180 ? delta - 360 : delta < -180 ? delta + 360 : delta;

    public readonly record struct Position(double Latitude, double Longitude, int? AltitudeFeet);
}
