using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Ingestion;

/// <summary>One configured feed, bound from <c>LiveTrack:Feeds:{name}</c>.</summary>
public sealed class FeedOptions
{
    public FeedType Type { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>SbsClient: server host name or address.</summary>
    public string? Host { get; set; }

    /// <summary>SbsClient: server port. SbsListener: port to listen on (0 picks a free one).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>SbsListener: address to bind (default loopback only).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>SbsListener: most simultaneous pushing connections.</summary>
    [Range(1, 1024)]
    public int MaxConnections { get; set; } = 16;

    /// <summary>
    /// SbsListener: a pushing connection that sends nothing for this long is closed, so idle connections cannot hold
    /// the <see cref="MaxConnections"/> slots.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>SbsReplay: path of the recorded SBS log.</summary>
    public string? Path { get; set; }

    /// <summary>SbsReplay: replay speed factor (2 = twice as fast as recorded).</summary>
    [Range(0.01, 10_000)]
    public double Speed { get; set; } = 1;

    /// <summary>SbsReplay: start again from the top at the end of the file.</summary>
    public bool Loop { get; set; }

    /// <summary>SBS feeds: use the feed's own (UTC) timestamps for ordering; when false, the receive time is used.</summary>
    public bool UseFeedTimestamps { get; set; } = true;

    /// <summary>SbsClient: first reconnect delay; doubles per failure up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>AircraftJson and OpenSky: the URL polled (OpenSky defaults to its public states endpoint).</summary>
    public Uri? Url { get; set; }

    /// <summary>AircraftJson and OpenSky: time between two polls.</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>AircraftJson and OpenSky: time allowed for one request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// AircraftJson and OpenSky: the most bytes one document may have. A longer body is cut off while it streams in
    /// (whether or not it declares a Content-Length) and the poll counts as failed.
    /// </summary>
    [Range(1024, 1L << 30)]
    public long MaxDocumentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>OpenSky: optional area <c>minLon,minLat,maxLon,maxLat</c>, sent as lamin/lomin/lamax/lomax.</summary>
    public string? Area { get; set; }

    /// <summary>OpenSky: OAuth2 client id; with <see cref="ClientSecret"/> switches from anonymous to authenticated polling.</summary>
    public string? ClientId { get; set; }

    /// <summary>OpenSky: OAuth2 client secret (keep it in user secrets or the environment, not in appsettings).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OpenSky: OAuth2 token endpoint (client-credentials grant).</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>Simulator: number of civil flights.</summary>
    [Range(0, 100_000)]
    public int Aircraft { get; set; } = 300;

    /// <summary>Simulator: random seed (same seed, same traffic).</summary>
    public int Seed { get; set; } = 20261123;

    /// <summary>Simulator: include the reconnaissance orbit over the Gulf of California.</summary>
    public bool GulfOfCaliforniaScenario { get; set; } = true;

    /// <summary>Simulator: time between position updates of each flight.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Simulator: render the traffic as SBS-1 lines or as Beast frames (the whole Mode S decode path).</summary>
    public SimulatorOutput Output { get; set; } = SimulatorOutput.Sbs;

    /// <summary>Beast and AVR feeds: receiver latitude, the reference for surface positions and the range check.</summary>
    [Range(-90, 90)]
    public double? ReceiverLatitude { get; set; }

    /// <summary>Beast and AVR feeds: receiver longitude.</summary>
    [Range(-180, 180)]
    public double? ReceiverLongitude { get; set; }

    /// <summary>Beast and AVR feeds with a receiver location: positions farther away are rejected.</summary>
    [Range(1, 1000)]
    public double MaxRangeNauticalMiles { get; set; } = 400;
}
