namespace LiveTrack.Ingestion;

/// <summary>Kinds of feed LiveTrack can ingest.</summary>
public enum FeedType
{
    /// <summary>Connects to a readsb/dump1090-style SBS-1 server (TCP port 30003) and reconnects with backoff.</summary>
    SbsClient,
    /// <summary>Listens for SBS-1 streams pushed to LiveTrack.</summary>
    SbsListener,
    /// <summary>Replays a recorded SBS-1 log, honouring its timestamps scaled by a speed factor.</summary>
    SbsReplay,
    /// <summary>The built-in traffic simulator.</summary>
    Simulator,
    /// <summary>readsb/tar1090 <c>aircraft.json</c> (also ADS-B Exchange v2 and old dump1090), polled from a URL or a file.</summary>
    AircraftJson,
    /// <summary>OpenSky Network <c>/api/states/all</c> state vectors, polled anonymously or with OAuth2 client credentials.</summary>
    OpenSky,
    /// <summary>Connects to a Beast binary server (readsb/dump1090 port 30005) and reconnects with backoff.</summary>
    BeastClient,
    /// <summary>Listens for Beast binary streams pushed to LiveTrack (as feeders push to aggregators).</summary>
    BeastListener,
    /// <summary>Connects to an AVR text server (readsb/dump1090 port 30002) and reconnects with backoff.</summary>
    AvrClient,
    /// <summary>Listens for AVR text streams pushed to LiveTrack.</summary>
    AvrListener,
}
