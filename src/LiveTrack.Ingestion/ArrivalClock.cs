namespace LiveTrack.Ingestion;

/// <summary>
/// Observation times for one connection's raw Mode S frames. Beast and AVR carry a receiver clock count, not a
/// time, so a frame is stamped with the time it was read — but frames read together in one burst (a backlog after
/// a stall, a feeder flushing its buffer) would all share one time and all but the first of an aircraft's positions
/// would be dropped as stale. The clock keeps the stamps strictly increasing (100 ns apart within a burst), so the
/// order of arrival — the order one receiver heard them — is the order of observation. Not thread-safe.
/// </summary>
public sealed class ArrivalClock
{
    private DateTimeOffset last;

    /// <summary>The stamp of the next frame read at <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset Stamp(DateTimeOffset receivedAt)
    {
        last = receivedAt > last ? receivedAt : last.AddTicks(1);
        return last;
    }
}
