using LiveTrack.Adsb;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.Ingestion;

/// <summary>
/// Runs every enabled feed of <c>LiveTrack:Feeds</c> side by side. A feed that fails is logged and restarted with
/// backoff; it never takes the other feeds or the server down.
/// </summary>
internal sealed class FeedHost(
    FeedCatalog catalog,
    IOptionsMonitor<FeedOptions> feedOptions,
    FeedStatusRegistry registry,
    IngestionPipeline pipeline,
    IFeedLeases leases,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger logger = loggerFactory.CreateLogger("LiveTrack.Ingestion.Feeds");
    private readonly List<HttpClient> httpClients = [];

    public override void Dispose()
    {
        foreach (var http in httpClients)
        {
            http.Dispose();
        }

        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new List<Task> { SampleRates(stoppingToken) };
        foreach (var name in catalog.Names)
        {
            var options = feedOptions.Get(name);
            if (options.Enabled)
            {
                var placement = PlacementOf(options.Type);
                var status = registry.GetOrAdd(name, options.Type, placement);
                var ingestor = new FeedIngestor(status, pipeline, timeProvider, logger, options.UseFeedTimestamps) { ModeS = ModeSFeeds.CreateDecoder(options) };
                status.ModeS = ingestor.ModeS;
                var feed = Create(options, ingestor);
                if (placement == FeedPlacement.OneNode && leases.Exclusive)
                {
                    feed = new LeasedFeed(feed, status, leases, timeProvider, logger);
                }
                else
                {
                    status.RunsOn(leases.NodeName);
                }

                runs.Add(Task.Run(() => Supervise(name, feed, status, stoppingToken), CancellationToken.None));
            }
        }

        return Task.WhenAll(runs);
    }

    /// <summary>Listeners run on every node; a feed that connects, polls, replays or simulates runs on one node at a time.</summary>
    internal static FeedPlacement PlacementOf(FeedType type) =>
        type is FeedType.SbsListener or FeedType.BeastListener or FeedType.AvrListener ? FeedPlacement.EveryNode : FeedPlacement.OneNode;

    private IFeed Create(FeedOptions options, FeedIngestor ingestor) => options.Type switch
    {
        // Beast and AVR feeds share the SBS connectors: only the stream reading differs (FeedIngestor.ModeS).
        FeedType.SbsClient or FeedType.BeastClient or FeedType.AvrClient => new SbsClientFeed(options, ingestor, timeProvider, logger),
        FeedType.SbsListener or FeedType.BeastListener or FeedType.AvrListener => new SbsListenerFeed(options, ingestor, logger),
        FeedType.SbsReplay => new SbsReplayFeed(options, ingestor, timeProvider, logger),
        FeedType.Simulator => new SimulatorFeed(options, ingestor, timeProvider),
        FeedType.AircraftJson => new SnapshotPollingFeed(
            options,
            ingestor,
            options.Url is { } url
                ? FetchOver(NewHttpClient(), url, options)
                : SnapshotFetch.FromFile(options.Path!, options.MaxDocumentBytes),
            ReadsbJsonParser.TryParse,
            TimeSpan.FromSeconds(1),
            timeProvider,
            logger),
        FeedType.OpenSky => new SnapshotPollingFeed(
            options,
            ingestor,
            new OpenSkyClient(options, NewHttpClient(), timeProvider).Fetch,
            OpenSkyStatesParser.TryParse,
            string.IsNullOrEmpty(options.ClientId) ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(5),
            timeProvider,
            logger),
        _ => throw new InvalidOperationException($"Unknown feed type {options.Type}."),
    };

    /// <summary>One HTTP client per feed, made once (not per poll).</summary>
    private static Func<CancellationToken, Task<byte[]>> FetchOver(HttpClient http, Uri url, FeedOptions options) =>
        ct => SnapshotFetch.Get(http, url, null, options.RequestTimeout, options.MaxDocumentBytes, ct);

    private HttpClient NewHttpClient()
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("LiveTrack/1.0");
        httpClients.Add(http);
        return http;
    }

    private async Task Supervise(string name, IFeed feed, FeedStatus status, CancellationToken cancellationToken)
    {
        IngestionLog.FeedStarting(logger, name, status.Type);
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await feed.RunAsync(cancellationToken);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                status.State = FeedState.Faulted;
                status.Error(ex.Message);
                IngestionLog.FeedFailed(logger, name, delay, ex);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(60).Ticks));
            }
        }
    }

    private async Task SampleRates(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var status in registry.All)
                {
                    status.SampleRates();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>The names of the feeds configured under <c>LiveTrack:Feeds</c>.</summary>
public sealed class FeedCatalog(IReadOnlyList<string> names)
{
    public IReadOnlyList<string> Names { get; } = names;
}
