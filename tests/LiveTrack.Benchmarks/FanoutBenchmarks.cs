extern alias server;

using BenchmarkDotNet.Attributes;
using LiveTrack.Geo;
using server::LiveTrack.Server.Tracking;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The hub fan-out on one silo, per batch: one <see cref="TrafficBatch"/> of 1,000 changed aircraft (out of 10,000 on
/// random walks in lon -10…30, lat 35…60, the packed workload's region) offered to 1,000 clients, then one frame taken
/// from every client (what <c>FrameDispatcher</c> does each interval, without the sending). <c>Linear</c> is the path
/// before the subscription index: the whole batch offered to every client, each filtering it itself. <c>Indexed</c> is
/// <see cref="ClientSubscriptions.Offer"/>. Clients subscribe to a small area each (<c>Region</c>: 1°–3° boxes in that
/// region) or to the whole world (<c>World</c>: every change goes to every client). Positions delivered per batch are
/// printed by the setup (the same for both paths, checked there); positions/s = that ÷ the mean.
/// </summary>
[MemoryDiagnoser]
public class FanoutBenchmarks
{
    private const int Clients = 1000;
    private const int AircraftCount = 10_000;
    private const int ChangesPerBatch = 1000;
    private const int Batches = 64;

    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private ClientSubscriptions indexed = null!;
    private TrackingClient[] linear = null!;
    private TrafficBatch[] batches = null!;
    private int next;

    public enum Areas
    {
        Region,
        World,
    }

    [Params(Areas.Region, Areas.World)]
    public Areas Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        indexed = new ClientSubscriptions();
        linear = new TrackingClient[Clients];
        for (var c = 0; c < Clients; c++)
        {
            var box = BoundingBox.World;
            if (Subscriptions == Areas.Region)
            {
                var lon = -10 + (random.NextDouble() * 38);
                var lat = 35 + (random.NextDouble() * 23);
                box = new BoundingBox(lon, lat, lon + 1 + (random.NextDouble() * 2), lat + 1 + (random.NextDouble() * 2));
            }

            indexed.Connect($"c{c}").AddArea(box, []);
            linear[c] = new TrackingClient($"c{c}");
            linear[c].AddArea(box, []);
        }

        var positions = Enumerable.Range(0, AircraftCount)
            .Select(_ => (Lat: 35 + (random.NextDouble() * 25), Lon: -10 + (random.NextDouble() * 40)))
            .ToArray();
        var icaos = Enumerable.Range(0, AircraftCount).Select(i => $"{i:x6}").ToArray();
        batches = new TrafficBatch[Batches];
        for (var b = 0; b < Batches; b++)
        {
            var changed = new AircraftSnapshot[ChangesPerBatch];
            var first = random.Next(AircraftCount);
            for (var n = 0; n < ChangesPerBatch; n++)
            {
                var a = (first + (n * 7)) % AircraftCount;
                positions[a] = (positions[a].Lat + ((random.NextDouble() - 0.5) * 0.2), positions[a].Lon + ((random.NextDouble() - 0.5) * 0.2));
                changed[n] = new AircraftSnapshot
                {
                    Icao = icaos[a],
                    Latitude = positions[a].Lat,
                    Longitude = positions[a].Lon,
                    LastSeen = T0.AddSeconds(b),
                };
            }

            batches[b] = new TrafficBatch(changed, [], []);
        }

        // One pass over the batches on both paths: the same positions must be delivered.
        long viaIndex = 0, viaFilter = 0;
        foreach (var batch in batches)
        {
            indexed.Offer(batch);
            viaIndex += TakeFrames(indexed.All);
            foreach (var client in linear)
            {
                client.Offer(batch);
            }

            viaFilter += TakeFrames(linear);
        }

        if (viaIndex != viaFilter)
        {
            throw new InvalidOperationException($"The index delivered {viaIndex} positions, the linear filter {viaFilter}.");
        }

        Console.WriteLine($"// FanoutBenchmarks {Subscriptions}: {viaIndex / (double)Batches:F0} positions delivered per batch of {ChangesPerBatch} changes to {Clients} clients");
        next = 0;
    }

    /// <summary>Before the index: every client offered the whole batch.</summary>
    [Benchmark(Baseline = true)]
    public long Linear()
    {
        var batch = batches[next++ % Batches];
        foreach (var client in linear)
        {
            client.Offer(batch);
        }

        return TakeFrames(linear);
    }

    [Benchmark]
    public long Indexed()
    {
        indexed.Offer(batches[next++ % Batches]);
        return TakeFrames(indexed.All);
    }

    private static long TakeFrames(IEnumerable<TrackingClient> clients)
    {
        long positions = 0;
        foreach (var client in clients)
        {
            if (client.TakeFrame(T0) is { } frame)
            {
                positions += frame.Aircraft.Length;
                client.FrameDone();
            }
        }

        return positions;
    }
}
