using LiveTrack.Geofencing;

namespace LiveTrack.Grains.Tests;

/// <summary>An import's writing pass: evaluation of the next batch overlaps the write of the previous one, in order, and a failure stops it.</summary>
public sealed class ImportedTrafficPipelineTests
{
    private static readonly DateTimeOffset T0 = new(2024, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static readonly GeofenceIndex Box = GeofenceIndex.Create(GeofenceParser.Parse("""
        { "type": "Feature", "id": "box", "properties": { "name": "Box" },
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
        """).Fences);

    private static AircraftReport[] Batch(int index) =>
        [Reports.At("ae01c5", T0.AddSeconds(index * 10), "import-test") with { Latitude = 25.9 + (index * 0.05), Longitude = -110.5, BarometricAltitudeFeet = 30000 }];

    [Fact]
    public async Task The_next_batch_is_evaluated_while_the_previous_one_is_written_and_the_writes_keep_the_reading_order()
    {
        var traffic = new ImportedTraffic(new TrackingOptions(), _ => null, DateTimeOffset.UtcNow, null, signals: false);
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEvaluated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new List<DateTimeOffset>();
        var writing = 0;
        var overlapping = 0;
        var evaluations = 0;
        var pipeline = new ImportedTrafficPipeline(
            traffic,
            () => Box,
            async (batch, _) =>
            {
                overlapping = Math.Max(overlapping, Interlocked.Increment(ref writing));
                if (written.Count == 0)
                {
                    await firstWrite.Task;
                }

                written.AddRange(batch.History.Positions.Select(p => p.At));
                Interlocked.Decrement(ref writing);
            },
            _ =>
            {
                if (Interlocked.Increment(ref evaluations) == 2)
                {
                    secondEvaluated.SetResult();
                }
            });

        await pipeline.AddAsync(Batch(0), CancellationToken.None);
        await pipeline.AddAsync(Batch(1), CancellationToken.None).AsTask().WaitAsync(HangGuard);

        // The first write is held: the second batch is still judged meanwhile, but the reader is held before a third
        // (one batch evaluated and waiting, one being written: memory stays bounded by three batches).
        await secondEvaluated.Task.WaitAsync(HangGuard);
        var third = pipeline.AddAsync(Batch(2), CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        Assert.Empty(written);

        firstWrite.SetResult();
        await third.WaitAsync(HangGuard);
        await pipeline.FlushAsync().WaitAsync(HangGuard);

        Assert.Equal([T0, T0.AddSeconds(10), T0.AddSeconds(20)], written);
        Assert.Equal(1, overlapping);
        Assert.Equal(3, traffic.Accepted);
    }

    [Fact]
    public async Task A_failed_write_is_thrown_to_the_reader_and_nothing_after_it_is_written()
    {
        var traffic = new ImportedTraffic(new TrackingOptions(), _ => null, DateTimeOffset.UtcNow, null, signals: false);
        var written = new List<DateTimeOffset>();
        var pipeline = new ImportedTrafficPipeline(traffic, () => Box, (batch, _) =>
        {
            if (batch.History.Positions[0].At == T0.AddSeconds(10))
            {
                throw new IOException("disk full");
            }

            written.AddRange(batch.History.Positions.Select(p => p.At));
            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<IOException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await pipeline.AddAsync(Batch(i), CancellationToken.None);
            }

            await pipeline.FlushAsync();
        }).WaitAsync(HangGuard);

        Assert.Equal("disk full", failure.Message);
        Assert.Equal([T0], written);
    }
}
