using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveTrack;
using LiveTrack.Ingestion;
using LiveTrack.LoadGenerator;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

// LiveTrack load generator: starts a LiveTrack server (or targets one), pushes SBS-1 position reports for N aircraft
// at a target rate over loopback, connects C SignalR clients each subscribed to an area, and reports what it measured.
// --clients 0 measures ingest alone; --target URL --sbs-port N --pid P measures a server started apart (its CPU and
// memory read from /proc/P); --layout packed puts fences and aircraft in lon −10…30, lat 35…60.
var options = LoadOptions.Parse(args);
if (options.WorkerOf is not null)
{
    return await ClientWorkers.Run(options);
}

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
await using var server = options.Target is null ? await ServerProcess.StartAsync(options) : ServerProcess.Attach(options.Target, options.SbsPort, options.Pid);
using var http = new HttpClient { BaseAddress = server.BaseAddress };
Console.Error.WriteLine($"server at {server.BaseAddress} (pid {server.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "unknown: no CPU or memory figures"}), SBS listener on {server.SbsPort}; {options.Aircraft} aircraft, {options.Rate} reports/s, {options.Clients} clients, {options.Fences} {options.Layout} fences, {options.Seconds} s");

var fenceSeconds = await Fences.Create(http, options);
var latency = new LatencyHistogram();
long fenceEvents = 0;
long missedEvents = 0;

// Geofence events are counted by a client of their own, subscribed to every fence's events and to no area, so they are
// counted with --clients 0 too (ingest alone) without adding position fan-out.
await using var events = new HubConnectionBuilder()
    .WithUrl(new Uri(server.BaseAddress, "/hubs/tracking"))
    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
    .Build();
events.On<PositionFrame>(nameof(ITrackingClient.Positions), frame =>
{
    Interlocked.Add(ref fenceEvents, frame.Events.Length);
    Interlocked.Add(ref missedEvents, frame.MissedEvents);
});
await events.StartAsync();
await events.InvokeAsync<string>(nameof(ITrackingHub.SubscribeGeofenceEvents));

// The area clients: in this process, or split over worker processes (--client-processes) so they do not share it.
await using var fleet = options.ClientProcesses == 0 ? await ClientFleet.Connect(server.BaseAddress, options.Clients, options.Packed, 1, options.Protocol) : null;
await using var workers = options.ClientProcesses > 0 ? await ClientWorkers.Start(server.BaseAddress, options) : null;

using var heap = server.ProcessId is { } pid ? ManagedHeapMonitor.TryStart(pid) : null;
var feedsBefore = await Feed(http, json);
var before = server.Sample();
var baselineRss = before?.RssBytes ?? 0;
var stopwatch = Stopwatch.StartNew();
var peakRss = baselineRss;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        peakRss = Math.Max(peakRss, server.Sample()?.RssBytes ?? 0);
        await Task.Delay(250, CancellationToken.None);
    }
});

// Positions and latency are counted while the reports are pushed.
fleet?.StartCounting();
if (workers is not null)
{
    await workers.StartCounting();
}

var offered = await SbsPusher.Run(server.SbsPort, options, TimeSpan.FromSeconds(options.Seconds));
var sendSeconds = stopwatch.Elapsed.TotalSeconds;
fleet?.StopCounting();
var (deliveredAtEnd, framesPerClient) = workers is not null ? await workers.StopCounting(latency) : (fleet!.Delivered, fleet.Frames);
if (fleet is not null)
{
    latency.Add(fleet.Latency.NonEmpty());
}

// Frames each client should have had at the hub's frame interval (LiveTrack:Hub:FrameInterval, 250 ms by default).
Array.Sort(framesPerClient);
var expectedFrames = sendSeconds * 1000 / options.FrameIntervalMs;

// Let the pipeline drain (bounded: at most 10 s), then read the server's own counters.
FeedStatusSnapshot feedsAfter;
var drainDeadline = Stopwatch.StartNew();
do
{
    await Task.Delay(500);
    feedsAfter = await Feed(http, json);
}
while (drainDeadline.Elapsed < TimeSpan.FromSeconds(10) && Handled(feedsAfter) - Handled(feedsBefore) < offered);

var after = server.Sample();
double? cpuSeconds = before is { } b && after is { } a ? a.CpuSeconds - b.CpuSeconds : null;
await sampling.CancelAsync();
await sampler;
var handled = Handled(feedsAfter) - Handled(feedsBefore);
var accepted = feedsAfter.Accepted - feedsBefore.Accepted;
var aircraftList = await http.GetFromJsonAsync<JsonElement>("/api/aircraft", json);
var tracked = aircraftList.GetProperty("count").GetInt32();

var measured = before is not null;
var result = new Dictionary<string, object?>
{
    ["layout"] = options.Layout,
    ["aircraft"] = options.Aircraft,
    ["targetRate"] = options.Rate,
    ["clients"] = options.Clients,
    ["clientProcesses"] = options.ClientProcesses,
    ["protocol"] = options.Protocol,
    ["seconds"] = Math.Round(sendSeconds, 1),
    ["offeredPerSecond"] = Math.Round(offered / sendSeconds),
    ["acceptedPerSecond"] = Math.Round(accepted / sendSeconds),
    ["handledPerSecond"] = Math.Round(handled / sendSeconds),
    ["notHandledAfterDrain"] = offered - handled,
    ["stale"] = feedsAfter.Stale - feedsBefore.Stale,
    ["suspect"] = feedsAfter.Suspect - feedsBefore.Suspect,
    ["failed"] = feedsAfter.Failed - feedsBefore.Failed,
    ["deliveredPerSecond"] = Math.Round(deliveredAtEnd / sendSeconds),
    ["framesExpectedPerClient"] = options.Clients > 0 ? Math.Round(expectedFrames) : null,
    ["framesPerClientMin"] = framesPerClient.Length > 0 ? framesPerClient[0] : null,
    ["framesPerClientMedian"] = framesPerClient.Length > 0 ? framesPerClient[framesPerClient.Length / 2] : null,
    ["latencyP50Ms"] = Finite(latency.Percentile(0.50)),
    ["latencyP99Ms"] = Finite(latency.Percentile(0.99)),
    ["latencyP999Ms"] = Finite(latency.Percentile(0.999)),
    ["serverCpuPercent"] = cpuSeconds is { } cpu ? Finite(Math.Round(100 * cpu / sendSeconds)) : null,
    ["serverCpuMicrosecondsPerReport"] = cpuSeconds is { } used && handled > 0 ? Finite(Math.Round(used * 1e6 / handled, 1)) : null,
    ["serverBaselineRssMb"] = measured ? Math.Round(baselineRss / 1048576.0, 1) : null,
    ["serverPeakRssMb"] = measured ? Math.Round(peakRss / 1048576.0, 1) : null,
    ["trackedAircraft"] = tracked,
    ["rssPerTrackedAircraftBytes"] = measured && tracked > 0 ? Math.Round((double)(peakRss - baselineRss) / tracked) : null,
    ["serverManagedHeapAfterLastGcMb"] = heap is null ? null : Math.Round(heap.LastBytes / 1048576.0, 1),
    ["serverManagedHeapPeakAfterGcMb"] = heap is null ? null : Math.Round(heap.PeakBytes / 1048576.0, 1),
    ["managedHeapPerTrackedAircraftBytes"] = heap is null || tracked == 0 ? null : Math.Round((double)heap.LastBytes / tracked),
    ["geofences"] = options.Fences,
    ["geofenceCreateSeconds"] = Math.Round(fenceSeconds, 1),
    ["geofenceEventsPerSecond"] = Math.Round(Interlocked.Read(ref fenceEvents) / sendSeconds),
    ["geofenceEventsMissed"] = Interlocked.Read(ref missedEvents),
};

Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
foreach (var (key, value) in result)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {value ?? "—"} |"));
}

Console.WriteLine(JsonSerializer.Serialize(result));
return 0;

static async Task<FeedStatusSnapshot> Feed(HttpClient http, JsonSerializerOptions json) =>
    (await http.GetFromJsonAsync<FeedStatusSnapshot[]>("/api/feeds", json))!.Single(f => f.Name == "push");

static long Handled(FeedStatusSnapshot f) => f.Accepted + f.Stale + f.Suspect + f.Failed;

// Unmeasurable figures (no samples, division by zero) are null in the JSON line, never NaN or Infinity (which throw).
static double? Finite(double value) => double.IsFinite(value) ? value : null;
