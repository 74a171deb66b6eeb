namespace LiveTrack.Ingestion;

/// <summary>
/// Live counters of one feed. Thread-safe; written by the feed and the pipeline, read by the API. The last error is
/// kept with its time until the feed next succeeds (<see cref="Recovered"/>; a delivery error until reports are
/// delivered again). <see cref="WhenChanged"/> completes at the next change, for whoever waits on the status.
/// </summary>
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
    private volatile FeedError? lastError;
    private volatile FeedState state = FeedState.Starting;
    private readonly ChangeSignal changed = new();
    private volatile string? lastMalformedSample;
    private volatile string? endpoint;
    private volatile string? runsOnNode;
    private int connections;

    public string Name { get; } = name;

    public FeedType Type { get; } = type;

    public FeedState State
    {
        get => state;
        set
        {
            state = value;
            Changed();
        }
    }

    public long Malformed => Interlocked.Read(ref malformed);

    public long Messages => Interlocked.Read(ref messages);

    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>The Mode S decoder of a Beast or AVR feed (its counters appear in the snapshot).</summary>
    public ModeSFeedDecoder? ModeS { get; set; }

    /// <summary>Every node (listeners) or one node at a time (the others on standby).</summary>
    public FeedPlacement Placement { get; init; } = FeedPlacement.EveryNode;

    /// <summary>The node running the feed (this one, another, or null when unknown).</summary>
    public string? RunsOnNode => runsOnNode;

    /// <summary>This node runs the feed.</summary>
    public void RunsOn(string node)
    {
        runsOnNode = node;
        Changed();
    }

    /// <summary>Another node runs the feed (<paramref name="owner"/>, null when unknown); this one waits.</summary>
    public void Standby(string? owner)
    {
        runsOnNode = owner;
        State = FeedState.Standby;
    }

    /// <summary>The address a listener is bound to (useful when configured with port 0).</summary>
    public string? Endpoint { get => endpoint; set => endpoint = value; }

    public void Line()
    {
        Interlocked.Increment(ref lines);
        Changed();
    }

    public void Message(bool hasPosition)
    {
        Interlocked.Increment(ref messages);
        if (hasPosition)
        {
            Interlocked.Increment(ref positions);
        }

        Interlocked.Exchange(ref lastMessageTicks, timeProvider.GetUtcNow().UtcTicks);
        Changed();
    }

    public void Skipped()
    {
        Interlocked.Increment(ref skipped);
        Changed();
    }

    /// <summary>Counts a malformed line; returns the new count so callers can sample what they log.</summary>
    public long MalformedLine(string sample)
    {
        lastMalformedSample = sample;
        var count = Interlocked.Increment(ref malformed);
        Changed();
        return count;
    }

    public void Outcome(ReportOutcome outcome)
    {
        Interlocked.Add(ref accepted, outcome.Accepted);
        Interlocked.Add(ref stale, outcome.Stale);
        Interlocked.Add(ref suspect, outcome.Suspect);
        if (lastError is { Delivery: true } error)
        {
            // Reports reach the grains again: the delivery error is over.
            Interlocked.CompareExchange(ref lastError, null, error);
        }

        Changed();
    }

    /// <summary>Reports the grains could not take; the error stays until reports are delivered again.</summary>
    public void Failed(int count, string error)
    {
        Interlocked.Add(ref failed, count);
        lastError = new FeedError(error, timeProvider.GetUtcNow(), Delivery: true);
        Changed();
    }

    /// <summary>A connection, poll or read failed; the error stays until <see cref="Recovered"/>.</summary>
    public void Error(string error)
    {
        lastError = new FeedError(error, timeProvider.GetUtcNow(), Delivery: false);
        Changed();
    }

    /// <summary>
    /// The feed works again after an error: a connection was made, a poll returned a usable document, a replay or
    /// simulation (re)started. Clears the last error unless it was a delivery error (that clears when reports are
    /// delivered).
    /// </summary>
    public void Recovered()
    {
        if (lastError is { Delivery: false } error)
        {
            Interlocked.CompareExchange(ref lastError, null, error);
            Changed();
        }
    }

    public void Reconnecting()
    {
        Interlocked.Increment(ref reconnects);
        Changed();
    }

    /// <summary>A listener turned a connection away (all its slots were taken).</summary>
    public void Refused()
    {
        Interlocked.Increment(ref refused);
        Changed();
    }

    /// <summary>A listener closed a connection that sent nothing for its idle timeout.</summary>
    public void IdleClosed()
    {
        Interlocked.Increment(ref idleClosed);
        Changed();
    }

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref connections);
        Changed();
    }

    public void ConnectionClosed()
    {
        Interlocked.Decrement(ref connections);
        Changed();
    }

    /// <summary>
    /// Completes at the next change of this status (a counter, the state, the error). Take it before checking the
    /// status, then await it: no change in between is missed. Costs the feed nothing while nobody waits.
    /// </summary>
    public Task WhenChanged() => changed.Next();

    private void Changed() => changed.Notify();

    /// <summary>Records a point for the per-second rates; called about once a second.</summary>
    public void SampleRates()
    {
        lock (gate)
        {
            Array.Copy(window, 0, window, 1, window.Length - 1);
            window[0] = (timeProvider.GetUtcNow(), Interlocked.Read(ref messages), Interlocked.Read(ref positions));
            windowCount = Math.Min(windowCount + 1, window.Length);
        }

        Changed();
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
        var error = lastError;
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
            error?.Message,
            lastMalformedSample,
            ModeS?.Counters)
        {
            Refused = Interlocked.Read(ref refused),
            IdleClosed = Interlocked.Read(ref idleClosed),
            LastErrorAt = error?.At,
            Placement = Placement,
            RunsOnNode = runsOnNode,
        };
    }

    private sealed record FeedError(string Message, DateTimeOffset At, bool Delivery);
}
