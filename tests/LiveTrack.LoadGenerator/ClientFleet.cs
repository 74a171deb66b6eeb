using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.LoadGenerator;

/// <summary>
/// SignalR clients each subscribed to one random area tile, counting the positions they receive and their
/// report-to-client latency (receive time − the report's server receive time) while counting is on. Over JSON frames
/// are read typed; over MessagePack they are decoded into plain maps (as the JavaScript client does) and only each
/// aircraft's <c>lastSeen</c> is read.
/// </summary>
internal sealed class ClientFleet : IAsyncDisposable
{
    private readonly List<HubConnection> connections = [];
    private long[] frames = [];
    private long delivered;
    private volatile bool counting;

    private ClientFleet()
    {
    }

    public LatencyHistogram Latency { get; } = new();

    public long Delivered => Interlocked.Read(ref delivered);

    public int Count => connections.Count;

    /// <summary>Frames each client received while counting was on.</summary>
    public long[] Frames => (long[])frames.Clone();

    public static async Task<ClientFleet> Connect(Uri server, int clients, bool packed, int seed, string protocol)
    {
        var fleet = new ClientFleet();
        var random = new Random(seed);
        fleet.frames = new long[clients];
        for (var i = 0; i < clients; i++)
        {
            var index = i;
            var builder = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/tracking"));
            var connection = protocol == "messagepack"
                ? builder.AddMessagePackProtocol().Build()
                : builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter())).Build();
            if (protocol == "messagepack")
            {
                connection.On(nameof(ITrackingClient.Positions), [typeof(object)], args =>
                {
                    fleet.Received(index, args[0]);
                    return Task.CompletedTask;
                });
            }
            else
            {
                connection.On<PositionFrame>(nameof(ITrackingClient.Positions), frame => fleet.Received(index, frame));
            }

            await connection.StartAsync();

            // A 40° × 30° tile somewhere between 60 S and 60 N (a 10° × 6° tile of the packed area).
            var (lon, lat, width, height) = packed
                ? (-10 + (random.NextDouble() * 30), 35 + (random.NextDouble() * 19), 10.0, 6.0)
                : (-180 + (random.NextDouble() * 320), -60 + (random.NextDouble() * 90), 40.0, 30.0);
            await connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeArea), lon, lat, lon + width, lat + height);
            fleet.connections.Add(connection);
        }

        return fleet;
    }

    public void StartCounting() => counting = true;

    public void StopCounting() => counting = false;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private void Received(int client, PositionFrame frame)
    {
        if (!counting)
        {
            return;
        }

        Interlocked.Increment(ref frames[client]);
        var now = DateTimeOffset.UtcNow;
        Interlocked.Add(ref delivered, frame.Aircraft.Length);
        foreach (var aircraft in frame.Aircraft)
        {
            Latency.Record(now - aircraft.LastSeen);
        }
    }

    private void Received(int client, object? frame)
    {
        if (!counting)
        {
            return;
        }

        Interlocked.Increment(ref frames[client]);
        if (frame is not IDictionary<object, object> map || !map.TryGetValue("aircraft", out var list) || list is not object[] aircraft)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        Interlocked.Add(ref delivered, aircraft.Length);
        foreach (var entry in aircraft)
        {
            if (entry is IDictionary<object, object> snapshot && snapshot.TryGetValue("lastSeen", out var seen) && seen is string text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var lastSeen))
            {
                Latency.Record(now - lastSeen);
            }
        }
    }
}
