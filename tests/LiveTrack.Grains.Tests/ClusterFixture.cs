using System.Diagnostics;
using System.Threading.Channels;
using LiveTrack.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using LiveTrack.Geofencing;

namespace LiveTrack.Grains.Tests;

/// <summary>
/// One in-process silo shared by the grain tests. Grain time is a <see cref="FakeTimeProvider"/> driven only by the
/// tests; the silo's own background areas keep real time. A recording observer receives the traffic fan-out.
/// LiveTrack's spans are recorded, as in a host with tracing on, so events carry the trace ids users see.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime, IDisposable
{
    private readonly ActivityListener tracing = new()
    {
        ShouldListenTo = source => source.Name == LiveTrackDiagnostics.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public RecordingTrafficObserver Traffic { get; } = new();

    public TestGeofences Geofences { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(tracing);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLiveTrackGrains();
            silo.AddMemoryGrainStorage(LiveTrackStorage.StateName);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<ITrafficObserver>(Traffic);
            silo.Services.AddSingleton<IGeofenceIndexProvider>(Geofences);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(LiveTrackStreams.ProviderName));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public void Dispose() => tracing.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>Captures every traffic batch the silo publishes, for tests to await.</summary>
public sealed class RecordingTrafficObserver : ITrafficObserver
{
    private readonly Channel<TrafficBatch> batches = Channel.CreateUnbounded<TrafficBatch>();

    public Task OnTraffic(TrafficBatch batch)
    {
        batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    private readonly List<GeofenceEvent> events = [];

    /// <summary>Waits until <paramref name="count"/> published geofence events match; returns them in order.</summary>
    public async Task<List<GeofenceEvent>> WaitForEvents(Func<GeofenceEvent, bool> match, int count, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (events.Count(match) < count)
            {
                var batch = await batches.Reader.ReadAsync(cts.Token);
                events.AddRange(batch.Events);
            }

            return [.. events.Where(match)];
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {count} geofence events ({what}); got {events.Count(match)}: {string.Join(", ", events.Where(match))}");
        }
    }

    /// <summary>Waits for a published snapshot matching the predicate, failing with context after the timeout.</summary>
    public async Task<AircraftSnapshot> WaitFor(Func<TrafficBatch, AircraftSnapshot?> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var batch = await batches.Reader.ReadAsync(cts.Token);
                events.AddRange(batch.Events);
                if (match(batch) is { } found)
                {
                    return found;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No traffic batch with {what} was published.");
        }
    }
}

/// <summary>A fence index the tests change at will.</summary>
public sealed class TestGeofences : IGeofenceIndexProvider
{
    private GeofenceIndex current = GeofenceIndex.Empty;

    public GeofenceIndex Current => Volatile.Read(ref current);

    public void Add(GeofenceDefinition fence) => Volatile.Write(ref current, current.With(fence));

    public void Remove(string id) => Volatile.Write(ref current, current.Without(id));
}
