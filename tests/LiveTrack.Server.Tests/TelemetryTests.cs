using System.Diagnostics;
using System.Net;
using System.Text;
using LiveTrack.Telemetry;
using LiveTrack.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Trace;

namespace LiveTrack.Server.Tests;

/// <summary>
/// Activity listeners are process-wide: a provider sampling at 100 % would record other tests' spans too. These tests
/// therefore run alone, after the parallel ones, while every other test server samples at 0.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    private const string Fence = "trace-box";

    private static async Task<(LiveTrackTestServer Server, List<Activity> Spans, ChangeSignal Ended)> Start(double ratio)
    {
        var spans = new List<Activity>();
        var ended = new SpanEndSignal();
        var server = await LiveTrackTestServer.StartAsync(
            settings: new Dictionary<string, string?> { ["LiveTrack:Telemetry:SampleRatio"] = ratio.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans).AddProcessor(ended)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences");
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        request.Content = new StringContent($$"""
            { "type": "Feature", "id": "{{Fence}}", "geometry": { "type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51], [10, 51], [10, 50]]] } }
            """, Encoding.UTF8, "application/geo+json");
        Assert.Equal(HttpStatusCode.Created, (await server.Http.SendAsync(request)).StatusCode);
        return (server, spans, ended.Ended);
    }

    private static List<Activity> InTrace(List<Activity> spans, string traceId)
    {
        lock (spans)
        {
            return [.. spans.Where(s => s.TraceId.ToHexString() == traceId)];
        }
    }

    private static async Task<List<Activity>> WaitForSpan(List<Activity> spans, ChangeSignal ended, string traceId, string name)
    {
        await ended.WaitFor(
            () => InTrace(spans, traceId).Any(s => s.OperationName == name),
            () => $"No {name} span in trace {traceId}; it has: {string.Join(", ", InTrace(spans, traceId).Select(s => s.OperationName))}",
            TimeSpan.FromSeconds(15));
        return InTrace(spans, traceId);
    }

    [Fact]
    public async Task One_sbs_line_entering_a_fence_yields_one_trace_from_the_feed_through_the_grain_to_the_hub_send()
    {
        var (server, spans, ended) = await Start(ratio: 1);
        await using var _ = server;
        await using var client = await server.ConnectClient();
        await client.SubscribeGeofence(Fence);
        var icao = Icao.New();

        await server.PushSbs(Sbs.Position(icao, 50.5, 10.5, 20000));
        var frame = await client.WaitForFrame(f => f.Events.Any(e => e.Icao == icao), "the entered event");

        var entered = frame.Events.Single(e => e.Icao == icao);
        Assert.NotNull(entered.TraceId);
        var trace = await WaitForSpan(spans, ended, entered.TraceId!, Spans.HubSend);
        Activity Named(string name) => trace.Single(s => s.OperationName == name);
        var feed = Named(Spans.FeedReport);
        var deliver = Named(Spans.Deliver);
        var evaluate = Named(Spans.GeofenceEvaluate);
        var grainCall = trace.Single(s => s.Source.Name == "Microsoft.Orleans.Application" && s.Kind == ActivityKind.Server);
        var grainClient = trace.Single(s => s.Source.Name == "Microsoft.Orleans.Application" && s.Kind == ActivityKind.Client);

        // One trace, rooted at the feed line, parent to child across the grain boundary.
        Assert.Equal(default, feed.ParentSpanId);
        Assert.Equal(icao, feed.GetTagItem(Tags.Icao));
        Assert.Equal("push", feed.GetTagItem(Tags.Feed));
        Assert.Equal(feed.SpanId, deliver.ParentSpanId);
        Assert.Equal(deliver.SpanId, grainClient.ParentSpanId);
        Assert.Equal(grainClient.SpanId, grainCall.ParentSpanId);
        Assert.Equal(grainCall.SpanId, evaluate.ParentSpanId);
        Assert.Equal(grainCall.SpanId, Named(Spans.GeofencePublish).ParentSpanId);
        Assert.Equal(evaluate.SpanId, Named(Spans.HubSend).ParentSpanId);
        Assert.Equal(Fence, Named(Spans.GeofencePublish).GetTagItem(Tags.FenceId));
    }

    [Fact]
    public async Task At_ratio_zero_plain_positions_make_no_spans_but_a_position_raising_an_event_is_traced()
    {
        var (server, spans, ended) = await Start(ratio: 0);
        await using var _ = server;
        await using var client = await server.ConnectClient();
        await client.SubscribeGeofence(Fence);
        await client.SubscribeArea(0, 40, 20, 60);
        var (plain, entering) = (Icao.New(), Icao.New());

        await server.PushSbs(Sbs.Position(plain, 45, 5, 20000));
        await client.WaitForAircraft(plain);
        await server.PushSbs(Sbs.Position(entering, 50.5, 10.5, 20000));
        var frame = await client.WaitForFrame(f => f.Events.Any(e => e.Icao == entering), "the entered event");

        var traceId = frame.Events.Single(e => e.Icao == entering).TraceId;
        Assert.NotNull(traceId);
        var trace = await WaitForSpan(spans, ended, traceId!, Spans.HubSend);
        var root = trace.Single(s => s.OperationName == Spans.GeofenceEvent);
        Assert.Equal(default, root.ParentSpanId);
        Assert.Equal(entering, root.GetTagItem(Tags.Icao));
        Assert.Contains(trace, s => s.OperationName == Spans.GeofencePublish && s.ParentSpanId == root.SpanId);
        lock (spans)
        {
            Assert.DoesNotContain(spans, s => Equals(s.GetTagItem(Tags.Icao), plain));
            Assert.DoesNotContain(spans, s => s.OperationName == Spans.FeedReport);
        }
    }

    [Fact]
    public async Task After_a_known_input_the_counters_and_latency_histogram_hold_the_expected_values()
    {
        var (server, _, _) = await Start(ratio: 0);
        await using var __ = server;
        var factory = server.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var evaluations = new MetricCollector<long>(factory, LiveTrackDiagnostics.SourceName, "livetrack.geofence.evaluations");
        using var events = new MetricCollector<long>(factory, LiveTrackDiagnostics.SourceName, "livetrack.geofence.events");
        using var active = new MetricCollector<long>(factory, LiveTrackDiagnostics.SourceName, "livetrack.aircraft.active");
        using var connections = new MetricCollector<long>(factory, LiveTrackDiagnostics.SourceName, "livetrack.hub.connections");
        using var subscriptions = new MetricCollector<long>(factory, LiveTrackDiagnostics.SourceName, "livetrack.hub.subscriptions");
        using var positions = new MetricCollector<long>(factory, LiveTrackDiagnostics.SourceName, "livetrack.hub.positions");
        using var latency = new MetricCollector<double>(factory, LiveTrackDiagnostics.SourceName, "livetrack.hub.latency");
        using var duration = new MetricCollector<double>(factory, LiveTrackDiagnostics.SourceName, "livetrack.geofence.evaluation.duration");
        await using var client = await server.ConnectClient();
        var icao = Icao.New();
        await client.SubscribeAircraft(icao);
        await client.SubscribeGeofence(Fence);

        // Two positions (outside, then inside the fence) and one callsign-only message.
        var t = DateTimeOffset.UtcNow.AddSeconds(-20);
        await server.PushSbs(Sbs.Position(icao, 49.95, 10.5, 20000, t), Sbs.Position(icao, 50.05, 10.5, 20000, t.AddSeconds(10)));
        await client.WaitForFrame(f => f.Events.Any(e => e.Icao == icao), "the entered event");
        var sent = client.Received.Sum(f => f.Aircraft.Count(a => a.Icao == icao));

        Assert.Equal(2, evaluations.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, duration.GetMeasurementSnapshot().Count);
        var raised = Assert.Single(events.GetMeasurementSnapshot());
        Assert.Equal(1, raised.Value);
        Assert.Equal("Entered", raised.Tags[Tags.EventKind]);
        Assert.Equal(1, active.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, connections.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, subscriptions.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(sent, positions.GetMeasurementSnapshot().Sum(m => m.Value));
        var latencies = latency.GetMeasurementSnapshot();
        Assert.Equal(sent, latencies.Count);
        Assert.All(latencies, m => Assert.InRange(m.Value, 0, 10));
    }
}

/// <summary>A stand-in OTLP/HTTP endpoint: records the paths the exporter posts to.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_set_the_server_sends_traces_and_metrics_over_OTLP()
    {
        var paths = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var posted = new ChangeSignal();
        await using var collector = await TestHttpEndpoint.StartAsync(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            paths.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            context.Response.StatusCode = 200;
            posted.Notify();
        });

        await using (var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["LiveTrack:Telemetry:SampleRatio"] = "1",
        }))
        {
            await using var client = await server.ConnectClient();
            var icao = Icao.New();
            await client.SubscribeAircraft(icao);
            await server.PushSbs(Sbs.Position(icao, 10, 10, 10000));
            await client.WaitForAircraft(icao);
            await posted.WaitFor(
                () => paths.ContainsKey("/v1/traces") && paths.ContainsKey("/v1/metrics"),
                () => $"OTLP requests seen: {string.Join(", ", paths.Keys)}");
        }

        Assert.True(paths["/v1/traces"] > 0 && paths["/v1/metrics"] > 0);
    }
}
