using LiveTrack.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class BackpressureTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_full_lane_makes_the_feed_wait_instead_of_buffering_and_loses_nothing()
    {
        var services = fixture.Server.Services;
        var registry = new FeedStatusRegistry(TimeProvider.System);
        var status = registry.GetOrAdd("bounded", FeedType.SbsListener);
        var pipeline = new IngestionPipeline(
            services.GetRequiredService<IGrainFactory>(),
            registry,
            Options.Create(new IngestionOptions { Partitions = 1, Capacity = 16, MaxBatch = 4 }),
            NullLogger<IngestionPipeline>.Instance);
        var icao = Icao.New();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        AircraftReport Report(int i) => new()
        {
            Icao = icao,
            Feed = "bounded",
            Timestamp = t0.AddSeconds(i),
            ReceivedAt = DateTimeOffset.UtcNow,
            Latitude = 10 + (i * 0.001),
            Longitude = 20,
        };

        // The lanes are not drained yet: 16 reports fit, the 17th must wait.
        for (var i = 0; i < 16; i++)
        {
            Assert.True(pipeline.WriteAsync(Report(i), CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }

        var waiting = pipeline.WriteAsync(Report(16), CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(16, pipeline.Backlog);

        await using var client = await fixture.Server.ConnectClient();
        await client.SubscribeAircraft(icao);
        await pipeline.StartAsync(CancellationToken.None);
        try
        {
            await waiting.WaitAsync(TimeSpan.FromSeconds(15));
            for (var i = 17; i < 100; i++)
            {
                await pipeline.WriteAsync(Report(i), CancellationToken.None);
            }

            await client.WaitForAircraft(icao, a => Math.Abs(a.Latitude!.Value - (10 + (99 * 0.001))) < 1e-9);
            var state = (await services.GetRequiredService<IGrainFactory>().GetGrain<IAircraftGrain>(icao).GetState())!;
            Assert.Equal(100, state.Accepted);
            Assert.Equal(100, status.Accepted);
        }
        finally
        {
            await pipeline.StopAsync(CancellationToken.None);
            pipeline.Dispose();
        }
    }
}
