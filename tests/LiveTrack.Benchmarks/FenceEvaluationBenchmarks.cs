using BenchmarkDotNet.Attributes;
using LiveTrack.Geo;
using LiveTrack.Geofencing;
using LiveTrack.Grains;

namespace LiveTrack.Benchmarks;

/// <summary>
/// <see cref="AircraftFences.Moved"/>, per move: what every accepted position costs an aircraft grain. 1,024 aircraft
/// on random walks (0.05 nm per move, turning a little each time, in lon −10…30, lat 35…60) among 10,000 polygon
/// fences in one region (<see cref="FencePlacement.Region"/>: 16–200 vertices, 5–50 nm) or packed like the load
/// generator's packed layout (<see cref="FencePlacement.Packed"/>: 16 vertices, 5–20 nm), or among none. Each invocation moves every aircraft one step; the walks
/// are 256 steps long and start over (one longer move back to the start), so the fence state stays consistent.
/// </summary>
[MemoryDiagnoser]
public class FenceEvaluationBenchmarks
{
    private const int AircraftCount = 1024;
    private const int Steps = 256;

    private GeofenceIndex index = null!;
    private TrackPosition[][] walks = null!;
    private AircraftFences[] fences = null!;
    private int step;

    [Params(0, 10_000)]
    public int Fences { get; set; }

    [Params(FencePlacement.Region, FencePlacement.Packed)]
    public FencePlacement Placement { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        index = Fences == 0 ? GeofenceIndex.Empty : GeofenceIndex.Create(GeofenceWorkload.CreateFences(Fences, Placement, seed: 4));
        var random = new Random(6);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        walks = new TrackPosition[AircraftCount][];
        fences = new AircraftFences[AircraftCount];
        for (var a = 0; a < AircraftCount; a++)
        {
            var at = new GeoPoint(35 + (25 * random.NextDouble()), -10 + (40 * random.NextDouble()));
            var heading = 360 * random.NextDouble();
            var walk = new TrackPosition[Steps];
            for (var s = 0; s < Steps; s++)
            {
                walk[s] = new TrackPosition(at.Latitude, at.Longitude, 35_000, t0.AddSeconds(s));
                heading += (random.NextDouble() - 0.5) * 20;
                at = Geodesy.Destination(at, heading, 0.05);
            }

            walks[a] = walk;
            fences[a] = new AircraftFences($"{a:x6}", t0);
            fences[a].Moved(index, null, walk[0], null);
        }

        step = 0;
    }

    [Benchmark(OperationsPerInvoke = AircraftCount)]
    public int Moved()
    {
        var from = step % Steps;
        var to = (step + 1) % Steps;
        step++;
        var raised = 0;
        for (var a = 0; a < AircraftCount; a++)
        {
            raised += fences[a].Moved(index, walks[a][from], walks[a][to], null).Count;
        }

        return raised;
    }
}
