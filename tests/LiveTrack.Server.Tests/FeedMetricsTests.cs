using System.Diagnostics.Metrics;
using LiveTrack.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class FeedMetricsTests(ServerFixture fixture)
{
    [Fact]
    public async Task Per_feed_counters_are_published_as_metrics_that_match_the_feed_status()
    {
        var server = fixture.Server;
        var icao = Icao.New();
        await using var client = await server.ConnectClient();
        await client.SubscribeAircraft(icao);
        var before = Read(server, "livetrack.feed.malformed", "push");

        await server.PushSbs("MSG,3,not,a,valid,line", "MSG,9,1,1,abcdef,1", Sbs.Position(icao, 1, 2, 3000));
        await client.WaitForAircraft(icao);

        var status = (await server.GetJson<FeedStatusSnapshot[]>("/api/feeds"))!.Single(f => f.Name == "push");
        Assert.Equal(before + 2, Read(server, "livetrack.feed.malformed", "push"));
        Assert.Equal(status.Malformed, Read(server, "livetrack.feed.malformed", "push"));
        Assert.Equal(status.Accepted, Read(server, "livetrack.feed.reports.accepted", "push"));
        Assert.Equal(status.Positions, Read(server, "livetrack.feed.positions", "push"));
    }

    /// <summary>Collects one observable counter of this server's LiveTrack meter for one feed.</summary>
    private static long Read(LiveTrackTestServer server, string instrument, string feed)
    {
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        long? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == LiveTrack.Telemetry.FeedMetrics.MeterName && ReferenceEquals(i.Meter.Scope, factory) && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == LiveTrack.Telemetry.FeedMetrics.FeedTag && (string?)tag.Value == feed)
                {
                    value = measurement;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? throw new InvalidOperationException($"{instrument} has no measurement for feed {feed}");
    }
}
