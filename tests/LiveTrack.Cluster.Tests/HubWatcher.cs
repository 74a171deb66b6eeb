using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Cluster.Tests;

/// <summary>A real SignalR client of a silo's <c>/hubs/tracking</c>, subscribed to the whole world, recording when each aircraft update arrived.</summary>
public sealed class HubWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Lock gate = new();
    private readonly List<(TimeSpan At, AircraftSnapshot Aircraft)> updates = [];
    private readonly Stopwatch clock;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubWatcher(HubConnection connection, Stopwatch clock)
    {
        this.connection = connection;
        this.clock = clock;
        connection.On<PositionFrame>(nameof(ITrackingClient.Positions), OnFrame);
    }

    public static async Task<HubWatcher> ConnectAsync(Uri baseAddress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/tracking"))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var watcher = new HubWatcher(connection, clock);
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeArea), -180.0, -90.0, 180.0, 90.0, cancellationToken);
        return watcher;
    }

    /// <summary>When each update of <paramref name="icao"/> arrived (on the shared test clock).</summary>
    public IReadOnlyList<TimeSpan> ArrivalsOf(string icao)
    {
        lock (gate)
        {
            return [.. updates.Where(u => string.Equals(u.Aircraft.Icao, icao, StringComparison.OrdinalIgnoreCase)).Select(u => u.At)];
        }
    }

    /// <summary>Waits for an update of <paramref name="icao"/> satisfying <paramref name="condition"/>; returns when it arrived.</summary>
    public async Task<TimeSpan> WaitForAsync(string icao, Func<AircraftSnapshot, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                foreach (var (at, aircraft) in updates)
                {
                    if (string.Equals(aircraft.Icao, icao, StringComparison.OrdinalIgnoreCase) && condition(aircraft))
                    {
                        return at;
                    }
                }

                next = changed.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private void OnFrame(PositionFrame frame)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            foreach (var aircraft in frame.Aircraft)
            {
                updates.Add((clock.Elapsed, aircraft));
            }

            done = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }
}
