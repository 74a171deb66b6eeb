namespace LiveTrack.Ingestion;

/// <summary>Connection state of a feed as shown by <c>GET /api/feeds</c>.</summary>
public enum FeedState
{
    Starting,
    Connecting,
    Connected,
    Listening,
    Disconnected,
    Running,
    Completed,
    Faulted,
    Polling,
    RateLimited,
}

/// <summary>Live counters of one feed. Thread-safe; written by the feed and the pipeline, read by the API.</summary>
public sealed class FeedStatus(string name, FeedType type, TimeProvider timeProvider)
{
    private const int RateWindowSeconds = 10;
    private readonly Lock gate = new();
    private readonly (DateTimeOffset At, long Messages, long Positions)[] window = new (DateTimeOffset, long, long)[RateWindowSeconds + 1];
    private int windowCount;
    private long lines;
    private long messages;
    private long positions;
    private long skipped;
    private long malformed;
    private long accepted;
    private long stale;
    private long suspect;
    private long failed;
    private long reconnects;
    private long refused;
    private long idleClosed;
    private long lastMessageTicks;
    private volatile string? lastError;
    private volatile string? lastMalformedSample;
    private volatile string? endpoint;
    private int connections;

    public string Name { get; } = name;

    public FeedType Type { get; } = type;

    public FeedState State { get; set; } = FeedState.Starting;

    public long Malformed => Interlocked.Read(ref malformed);

    public long Messages => Interlocked.Read(ref messages);

    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>The Mode S decoder of a Beast or AVR feed (its counters appear in the snapshot).</summary>
    public ModeSFeedDecoder? ModeS { get; set; }

    /// <summary>The address a listener is bound to (useful when configured with port 0).</summary>
    public string? Endpoint { get => endpoint; set => endpoint = value; }

    public void Line() => Interlocked.Increment(ref lines);

    public void Message(bool hasPosition)
    {
        Interlocked.Increment(ref messages);
        if (hasPosition)
        {
            Interlocked.Increment(ref positions);
        }

        Interlocked.Exchange(ref lastMessageTicks, timeProvider.GetUtcNow().UtcTicks);
    }

    public void Skipped() => Interlocked.Increment(ref skipped);

    /// <summary>Counts a malformed line; returns the new count so callers can sample what they log.</summary>
    public long MalformedLine(string sample)
    {
        lastMalformedSample = sample;
        return Interlocked.Increment(ref malformed);
    }

    public void Outcome(ReportOutcome outcome)
    {
        Interlocked.Add(ref accepted, outcome.Accepted);
        Interlocked.Add(ref stale, outcome.Stale);
        Interlocked.Add(ref suspect, outcome.Suspect);
    }

    public void Failed(int count, string error)
    {
        Interlocked.Add(ref failed, count);
        lastError = error;
    }

    public void Error(string error) => lastError = error;

    public void Reconnecting() => Interlocked.Increment(ref reconnects);

    /// <summary>A listener turned a connection away (all its slots were taken).</summary>
    public void Refused() => Interlocked.Increment(ref refused);

    /// <summary>A listener closed a connection that sent nothing for its idle timeout.</summary>
    public void IdleClosed() => Interlocked.Increment(ref idleClosed);

    public void ConnectionOpened() => Interlocked.Increment(ref connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref connections);

    /// <summary>Records a point for the per-second rates; called about once a second.</summary>
    public void SampleRates()
    {
        lock (gate)
        {
            Array.Copy(window, 0, window, 1, window.Length - 1);
            window[0] = (timeProvider.GetUtcNow(), Interlocked.Read(ref messages), Interlocked.Read(ref positions));
            windowCount = Math.Min(windowCount + 1, window.Length);
        }
    }

    public FeedStatusSnapshot Snapshot()
    {
        double messageRate = 0, positionRate = 0;
        lock (gate)
        {
            if (windowCount >= 2)
            {
                var newest = window[0];
                var oldest = window[windowCount - 1];
                var seconds = (newest.At - oldest.At).TotalSeconds;
                if (seconds > 0)
                {
                    messageRate = (newest.Messages - oldest.Messages) / seconds;
                    positionRate = (newest.Positions - oldest.Positions) / seconds;
                }
            }
        }

        var lastTicks = Interlocked.Read(ref lastMessageTicks);
        return new FeedStatusSnapshot(
            Name,
            Type,
            State,
            Endpoint,
            Volatile.Read(ref connections),
            lastTicks == 0 ? null : new DateTimeOffset(lastTicks, TimeSpan.Zero),
            Math.Round(messageRate, 1),
            Math.Round(positionRate, 1),
            Interlocked.Read(ref lines),
            Interlocked.Read(ref messages),
            Interlocked.Read(ref positions),
            Interlocked.Read(ref skipped),
            Interlocked.Read(ref malformed),
            Interlocked.Read(ref accepted),
            Interlocked.Read(ref stale),
            Interlocked.Read(ref suspect),
            Interlocked.Read(ref failed),
            Interlocked.Read(ref reconnects),
            lastError,
            lastMalformedSample,
            ModeS?.Counters)
        {
            Refused = Interlocked.Read(ref refused),
            IdleClosed = Interlocked.Read(ref idleClosed),
        };
    }
}

/// <summary>One feed's health, as returned by <c>GET /api/feeds</c>.</summary>
public sealed record FeedStatusSnapshot(
    string Name,
    FeedType Type,
    FeedState State,
    string? Endpoint,
    int Connections,
    DateTimeOffset? LastMessageAt,
    double MessagesPerSecond,
    double PositionsPerSecond,
    long Lines,
    long Messages,
    long Positions,
    long Skipped,
    long Malformed,
    long Accepted,
    long Stale,
    long Suspect,
    long Failed,
    long Reconnects,
    string? LastError,
    string? LastMalformedSample,
    ModeSFeedCounters? ModeS = null)
{
    /// <summary>SbsListener: connections turned away because all <c>MaxConnections</c> slots were taken.</summary>
    public long Refused { get; init; }

    /// <summary>SbsListener: connections closed after sending nothing for <c>IdleTimeout</c>.</summary>
    public long IdleClosed { get; init; }
}

/// <summary>All feeds' status objects, by name; with a meter factory, also published as metrics.</summary>
public sealed class FeedStatusRegistry : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FeedStatus> feeds = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly LiveTrack.Telemetry.FeedMetrics? metrics;

    public FeedStatusRegistry(TimeProvider timeProvider, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        this.timeProvider = timeProvider;
        metrics = meterFactory is null ? null : new LiveTrack.Telemetry.FeedMetrics(meterFactory, Counters);
    }

    public void Dispose() => metrics?.Dispose();

    public FeedStatus GetOrAdd(string name, FeedType type) => feeds.GetOrAdd(name, n => new FeedStatus(n, type, timeProvider));

    public FeedStatus? Find(string name) => feeds.GetValueOrDefault(name);

    public IReadOnlyList<FeedStatusSnapshot> Snapshot() => [.. feeds.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Snapshot())];

    internal IEnumerable<FeedStatus> All => feeds.Values;

    private IEnumerable<LiveTrack.Telemetry.FeedCounters> Counters() => feeds.Values.Select(f => f.Snapshot()).Select(s =>
        new LiveTrack.Telemetry.FeedCounters(s.Name, s.Lines, s.Messages, s.Positions, s.Skipped, s.Malformed, s.Accepted, s.Stale, s.Suspect, s.Failed, s.Reconnects, s.Connections));
}
