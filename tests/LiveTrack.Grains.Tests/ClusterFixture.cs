using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace LiveTrack.Grains.Tests;

/// <summary>
/// One in-process silo shared by the grain tests. Grain time is a <see cref="FakeTimeProvider"/> driven only by the
/// tests; the silo's own background areas keep real time. A recording observer receives the traffic fan-out.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public RecordingTrafficObserver Traffic { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLiveTrackGrains();
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<ITrafficObserver>(Traffic);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
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

    /// <summary>Waits for a published snapshot matching the predicate, failing with context after the timeout.</summary>
    public async Task<AircraftSnapshot> WaitFor(Func<TrafficBatch, AircraftSnapshot?> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var batch = await batches.Reader.ReadAsync(cts.Token);
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
