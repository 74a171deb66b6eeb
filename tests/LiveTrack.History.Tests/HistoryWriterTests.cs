using LiveTrack.History.DuckDb;
using LiveTrack.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveTrack.History.Tests;

/// <summary>The per-silo writer: bounded, never blocking, batches reach the store, failures and drops are visible.</summary>
public sealed class HistoryWriterTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("livetrack-writer-").FullName;
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private DuckDbHistoryStore store = null!;

    public Task InitializeAsync()
    {
        store = new DuckDbHistoryStore(Path.Combine(directory, "history.duckdb"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private HistoryWriter Writer(int capacity, int batchSize = 1, double flushSeconds = 0.05) => new(
        store,
        Options.Create(new HistoryOptions { Capacity = capacity, BatchSize = batchSize, FlushInterval = TimeSpan.FromSeconds(flushSeconds) }),
        new LiveTrackMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        TimeProvider.System,
        NullLogger<HistoryWriter>.Instance);

    private static PositionRecord Position(int second) =>
        new() { Icao = "ae01c5", At = T0.AddSeconds(second), Latitude = 26, Longitude = -110, Feed = "test" };

    private Task<IReadOnlyList<PositionRecord>> Track() => store.GetTrackAsync("ae01c5", new HistoryWindow(T0, T0.AddDays(1)), 1000);

    [Fact]
    public async Task A_full_queue_drops_and_counts_new_records_instead_of_blocking()
    {
        await store.InitializeAsync();
        await using var writer = Writer(capacity: 3);
        using var dropped = new MetricCollector<long>(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), LiveTrackDiagnostics.SourceName, "livetrack.history.dropped");

        for (var i = 0; i < 5; i++)
        {
            writer.Position(Position(i));
        }

        Assert.Equal((3L, 2L), (writer.Status().Backlog, writer.Status().Dropped));
        Assert.Equal(2, dropped.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.True(await writer.FlushAsync());
        Assert.Equal([T0, T0.AddSeconds(1), T0.AddSeconds(2)], (await Track()).Select(p => p.At));
        Assert.Equal((0L, 3L), (writer.Status().Backlog, writer.Status().PositionsWritten));
    }

    [Fact]
    public async Task A_failed_write_keeps_its_records_for_the_next_attempt_and_says_why()
    {
        // Not initialised yet: every write fails.
        await using var writer = Writer(capacity: 100);
        writer.Position(Position(1));
        writer.Change(new ChangeRecord { Icao = "ae01c5", At = T0, Field = ChangeField.Callsign, Value = "RCH123", Feed = "test" });

        Assert.False(await writer.FlushAsync());
        var failed = writer.Status();
        Assert.Equal((1L, 2L), (failed.FailedBatches, failed.Backlog));
        Assert.NotNull(failed.LastError);

        await store.InitializeAsync();
        Assert.True(await writer.FlushAsync());
        Assert.Single(await Track());
        Assert.Single(await store.GetChangesAsync("ae01c5", new HistoryWindow(T0, T0.AddDays(1))));
    }

    [Fact]
    public async Task A_running_writer_writes_on_its_own_and_flushes_the_rest_when_stopped()
    {
        await using var writer = Writer(capacity: 1000, batchSize: 2, flushSeconds: 600);
        await writer.StartAsync(CancellationToken.None);

        writer.Position(Position(1));
        writer.Position(Position(2)); // a full batch: written without waiting for the (long) flush interval
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await Track()).Count < 2)
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }

        writer.Position(Position(3));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(3, (await Track()).Count);
    }
}
