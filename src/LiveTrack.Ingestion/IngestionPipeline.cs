using System.Diagnostics;
using System.Threading.Channels;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.Ingestion;

/// <summary>
/// The bounded path from feeds to aircraft grains. Reports are spread over a fixed number of lanes by aircraft
/// address, so one aircraft's reports stay in feed order; each lane is a bounded channel, so a feed faster than the
/// grains waits (and a TCP sender is slowed by TCP itself) instead of growing memory. A lane takes what is queued,
/// groups it by aircraft and feed, and makes one grain call per group, all groups concurrently; it then reads and sends
/// the next batch while that round is still running (two rounds in flight, an aircraft's call waiting for its previous
/// one), and keeps the grain references it made.
/// </summary>
public sealed class IngestionPipeline : BackgroundService
{
    /// <summary>Grain references a lane keeps before it starts its cache afresh (bounds memory over a day's addresses).</summary>
    private const int MaxCachedGrains = 65_536;

    private readonly Channel<AircraftReport>[] lanes;
    private readonly IGrainFactory grainFactory;
    private readonly FeedStatusRegistry feeds;
    private readonly IngestionOptions options;
    private readonly ILogger<IngestionPipeline> logger;

    public IngestionPipeline(IGrainFactory grainFactory, FeedStatusRegistry feeds, IOptions<IngestionOptions> options, ILogger<IngestionPipeline> logger)
    {
        this.grainFactory = grainFactory;
        this.feeds = feeds;
        this.options = options.Value;
        this.logger = logger;
        lanes = new Channel<AircraftReport>[this.options.Partitions];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Channel.CreateBounded<AircraftReport>(new BoundedChannelOptions(this.options.Capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
            });
        }
    }

    /// <summary>Reports waiting in the lanes (for status and tests).</summary>
    public int Backlog => lanes.Sum(l => l.Reader.Count);

    /// <summary>Queues a report, waiting while its lane is full.</summary>
    public ValueTask WriteAsync(AircraftReport report, CancellationToken cancellationToken)
    {
        var lane = lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(report.Icao) % (uint)lanes.Length)];
        return lane.Writer.TryWrite(report) ? ValueTask.CompletedTask : lane.Writer.WriteAsync(report, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(lanes.Select(lane => Task.Run(() => Drain(lane.Reader, stoppingToken), CancellationToken.None)));

    private async Task Drain(ChannelReader<AircraftReport> reader, CancellationToken cancellationToken)
    {
        // Two rounds in flight: while one round's grain calls run, the next batch is read and sent. An aircraft's call
        // in the new round waits for its call in the previous one, so its reports still arrive in feed order.
        var groups = new Dictionary<(string Icao, string Feed), List<AircraftReport>>();
        var grains = new Dictionary<string, IAircraftGrain>(StringComparer.Ordinal);
        var previous = new Dictionary<string, Task>(StringComparer.Ordinal);
        var current = new Dictionary<string, Task>(StringComparer.Ordinal);
        var previousCalls = new List<Task>();
        var currentCalls = new List<Task>();
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var taken = 0;
                while (taken < options.MaxBatch && reader.TryRead(out var report))
                {
                    taken++;
                    if (!groups.TryGetValue((report.Icao, report.Feed), out var list))
                    {
                        groups[(report.Icao, report.Feed)] = list = new List<AircraftReport>(2);
                    }

                    list.Add(report);
                }

                if (grains.Count > MaxCachedGrains)
                {
                    grains.Clear();
                }

                foreach (var ((icao, feed), reports) in groups)
                {
                    if (!grains.TryGetValue(icao, out var grain))
                    {
                        grains[icao] = grain = grainFactory.GetGrain<IAircraftGrain>(icao);
                    }

                    var call = previous.TryGetValue(icao, out var before)
                        ? DeliverAfter(before, grain, icao, feed, [.. reports])
                        : Deliver(grain, icao, feed, [.. reports]);
                    current[icao] = current.TryGetValue(icao, out var other) ? Task.WhenAll(other, call) : call;
                    currentCalls.Add(call);
                }

                groups.Clear();
                await Task.WhenAll(previousCalls);
                (previous, current) = (current, previous);
                (previousCalls, currentCalls) = (currentCalls, previousCalls);
                current.Clear();
                currentCalls.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(previousCalls);
    }

    /// <summary>
    /// A span around the grain call, parented to the first traced report's feed span (and linked to the others), so
    /// Orleans carries that trace into the grain; none when no report in the call was traced.
    /// </summary>
    private static Activity? StartDeliverSpan(string icao, AircraftReport[] reports)
    {
        Activity.Current = null;
        if (!LiveTrackDiagnostics.Source.HasListeners())
        {
            return null;
        }

        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var report in reports)
        {
            if (report.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context))
            {
                if (parent == default)
                {
                    parent = context;
                }
                else if (context.TraceId != parent.TraceId)
                {
                    (links ??= []).Add(new ActivityLink(context));
                }
            }
        }

        if (parent == default)
        {
            return null;
        }

        var activity = LiveTrackDiagnostics.Source.StartActivity(Spans.Deliver, ActivityKind.Producer, parent, links: links);
        activity?.SetTag(Tags.Icao, icao);
        activity?.SetTag(Tags.Reports, reports.Length);
        return activity;
    }

    private async Task DeliverAfter(Task before, IAircraftGrain grain, string icao, string feed, AircraftReport[] reports)
    {
        await before;
        await Deliver(grain, icao, feed, reports);
    }

    private async Task Deliver(IAircraftGrain grain, string icao, string feed, AircraftReport[] reports)
    {
        var status = feeds.Find(feed);
        using var activity = StartDeliverSpan(icao, reports);
        try
        {
            var outcome = await grain.Report(reports);
            status?.Outcome(outcome);
        }
        catch (Exception ex)
        {
            // A grain call can fail while silos come and go; the reports are dropped and counted, the lane goes on.
            status?.Failed(reports.Length, ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            IngestionLog.DeliveryFailed(logger, icao, feed, reports.Length, ex);
        }
    }
}
