using LiveTrack.Geo;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// One hub connection's subscriptions and pending frame content. Created by <see cref="ClientSubscriptions"/>, it keeps
/// that owner's <see cref="SubscriptionIndex"/> in step with its subscriptions (under the index's gate, then its own);
/// created alone, it is offered whole batches and filters them itself.
/// </summary>
public sealed class TrackingClient
{
    private readonly Lock gate = new();
    private readonly SubscriptionIndex? index;

    /// <summary>Taken before <see cref="gate"/> by subscription changes: the index's gate, or (alone) the client's own.</summary>
    private readonly Lock updateGate;
    private readonly Dictionary<string, BoundingBox> areas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aircraftSubscriptions = new(StringComparer.Ordinal);
    private const int MaxPendingEvents = 10_000;
    private readonly Dictionary<string, string?> fenceSubscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> alertSubscriptions = new(StringComparer.Ordinal);
    private List<Alert> pendingAlerts = [];
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private List<GeofenceEvent> pendingEvents = [];
    private Dictionary<string, AircraftSnapshot> pending = new(StringComparer.Ordinal);
    private HashSet<string> pendingLost = new(StringComparer.Ordinal);
    private long sequence;
    private int sending;

    public TrackingClient(string connectionId)
        : this(connectionId, null)
    {
    }

    internal TrackingClient(string connectionId, SubscriptionIndex? index)
    {
        ConnectionId = connectionId;
        this.index = index;
        updateGate = index?.Gate ?? gate;
    }

    public string ConnectionId { get; }

    private long droppedReported;

    /// <summary>Positions replaced by a newer one before they could be sent.</summary>
    public long Dropped { get; private set; }

    /// <summary>Positions dropped since the last call (for the dropped-positions metric).</summary>
    public long TakeDropped()
    {
        lock (gate)
        {
            var delta = Dropped - droppedReported;
            droppedReported = Dropped;
            return delta;
        }
    }

    /// <summary>
    /// Geofence events and alerts dropped because the client fell more than 10,000 of them behind. Never silent: the
    /// next frame tells the client how many it missed (<see cref="PositionFrame.MissedEvents"/>,
    /// <see cref="PositionFrame.MissedAlerts"/>).
    /// </summary>
    public long DroppedEvents { get; private set; }

    private long missedEvents;
    private long missedAlerts;

    public int SubscriptionCount
    {
        get
        {
            lock (gate)
            {
                return areas.Count + aircraftSubscriptions.Count + fenceSubscriptions.Count + alertSubscriptions.Count;
            }
        }
    }

    public string AddArea(BoundingBox box, IEnumerable<AircraftSnapshot> inside)
    {
        var id = NewId("area");
        lock (updateGate)
        lock (gate)
        {
            areas[id] = box;
            index?.AddArea(this, id, box);
            foreach (var snapshot in inside)
            {
                Enqueue(snapshot);
                index?.Learnt(this, snapshot.Icao);
            }
        }

        return id;
    }

    public string AddAircraft(string icao, AircraftSnapshot? current)
    {
        var id = NewId("aircraft");
        lock (updateGate)
        lock (gate)
        {
            aircraftSubscriptions[id] = icao;
            index?.AddAircraft(this, id, icao);
            if (current is not null)
            {
                Enqueue(current);
                index?.Learnt(this, current.Icao);
            }
        }

        return id;
    }

    /// <summary>Subscribes to one fence's events, or to all fences' events when <paramref name="fenceId"/> is null.</summary>
    public string AddGeofence(string? fenceId)
    {
        var id = NewId(fenceId is null ? "geofences" : "geofence");
        lock (updateGate)
        lock (gate)
        {
            fenceSubscriptions[id] = fenceId;
            index?.AddFence(this, id, fenceId);
        }

        return id;
    }

    /// <summary>Subscribes to one rule's alerts, or to every rule's when <paramref name="ruleId"/> is null.</summary>
    public string AddAlerts(string? ruleId)
    {
        var id = NewId(ruleId is null ? "alerts" : "alert");
        lock (updateGate)
        lock (gate)
        {
            alertSubscriptions[id] = ruleId;
            index?.AddRule(this, id, ruleId);
        }

        return id;
    }

    public bool Remove(string subscriptionId)
    {
        lock (updateGate)
        lock (gate)
        {
            if (fenceSubscriptions.Remove(subscriptionId) || alertSubscriptions.Remove(subscriptionId))
            {
                index?.Remove(subscriptionId);
                return true;
            }

            if (!areas.Remove(subscriptionId) && !aircraftSubscriptions.Remove(subscriptionId))
            {
                return false;
            }

            index?.Remove(subscriptionId);

            // Nothing more about aircraft only that subscription covered: no pending update, no "left" update.
            known.Clear();
            foreach (var (icao, snapshot) in pending.ToArray())
            {
                if (!Matches(snapshot))
                {
                    pending.Remove(icao);
                }
            }

            return true;
        }
    }

    /// <summary>Takes from the whole batch what this client's subscriptions ask for.</summary>
    public void Offer(TrafficBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Offer(batch.Updated, batch.Lost, batch.Events, batch.Alerts);
    }

    /// <summary>
    /// Takes what this client's subscriptions ask for from part of a batch (in the batch's order). The part may leave
    /// out only changes this filter would ignore: updates and losses of aircraft it neither matches nor knows,
    /// events and alerts it is not subscribed to (<see cref="SubscriptionIndex"/>).
    /// </summary>
    internal void Offer(
        ReadOnlySpan<AircraftSnapshot> updated,
        ReadOnlySpan<AircraftSnapshot> lostAircraft,
        ReadOnlySpan<GeofenceEvent> events,
        ReadOnlySpan<Alert> alerts)
    {
        lock (gate)
        {
            if (fenceSubscriptions.Count > 0)
            {
                foreach (var e in events)
                {
                    if (fenceSubscriptions.ContainsValue(null) || fenceSubscriptions.ContainsValue(e.FenceId))
                    {
                        pendingEvents.Add(e);
                    }
                }

                if (pendingEvents.Count > MaxPendingEvents)
                {
                    var excess = pendingEvents.Count - MaxPendingEvents;
                    DroppedEvents += excess;
                    missedEvents += excess;
                    pendingEvents.RemoveRange(0, excess);
                }
            }

            if (alertSubscriptions.Count > 0)
            {
                foreach (var alert in alerts)
                {
                    if (alertSubscriptions.ContainsValue(null) || alertSubscriptions.ContainsValue(alert.RuleId))
                    {
                        pendingAlerts.Add(alert);
                    }
                }

                if (pendingAlerts.Count > MaxPendingEvents)
                {
                    var excess = pendingAlerts.Count - MaxPendingEvents;
                    DroppedEvents += excess;
                    missedAlerts += excess;
                    pendingAlerts.RemoveRange(0, excess);
                }
            }

            if (areas.Count == 0 && aircraftSubscriptions.Count == 0 && known.Count == 0)
            {
                return;
            }

            foreach (var snapshot in updated)
            {
                if (Matches(snapshot))
                {
                    Enqueue(snapshot);
                }
                else if (known.Remove(snapshot.Icao))
                {
                    // It left the subscription: one last update so the client sees where it went.
                    Replace(snapshot);
                }
            }

            foreach (var snapshot in lostAircraft)
            {
                if (known.Remove(snapshot.Icao) || Matches(snapshot))
                {
                    pending.Remove(snapshot.Icao);
                    pendingLost.Add(snapshot.Icao);
                }
            }
        }
    }

    /// <summary>Takes the next frame, or null when nothing is pending or the previous frame is still being sent.</summary>
    public PositionFrame? TakeFrame(DateTimeOffset now)
    {
        if (Interlocked.CompareExchange(ref sending, 1, 0) != 0)
        {
            return null;
        }

        Dictionary<string, AircraftSnapshot> updates;
        HashSet<string> lost;
        List<GeofenceEvent> events;
        List<Alert> alerts;
        long eventsMissed, alertsMissed;
        lock (gate)
        {
            if (pending.Count == 0 && pendingLost.Count == 0 && pendingEvents.Count == 0 && pendingAlerts.Count == 0 && missedEvents == 0 && missedAlerts == 0)
            {
                Volatile.Write(ref sending, 0);
                return null;
            }

            (updates, pending) = (pending, new Dictionary<string, AircraftSnapshot>(StringComparer.Ordinal));
            (lost, pendingLost) = (pendingLost, new HashSet<string>(StringComparer.Ordinal));
            (events, pendingEvents) = (pendingEvents, []);
            (alerts, pendingAlerts) = (pendingAlerts, []);
            (eventsMissed, missedEvents) = (missedEvents, 0);
            (alertsMissed, missedAlerts) = (missedAlerts, 0);
            sequence++;
        }

        return new PositionFrame(sequence, now, [.. updates.Values], [.. lost], [.. events])
        {
            Alerts = [.. alerts],
            MissedEvents = eventsMissed,
            MissedAlerts = alertsMissed,
        };
    }

    /// <summary>Marks the frame taken by <see cref="TakeFrame"/> as sent (or failed).</summary>
    public void FrameDone() => Volatile.Write(ref sending, 0);

    private bool Matches(AircraftSnapshot snapshot)
    {
        if (aircraftSubscriptions.Count > 0 && aircraftSubscriptions.ContainsValue(snapshot.Icao))
        {
            return true;
        }

        if (!snapshot.HasPosition)
        {
            return false;
        }

        foreach (var box in areas.Values)
        {
            if (box.Contains(snapshot.Latitude!.Value, snapshot.Longitude!.Value))
            {
                return true;
            }
        }

        return false;
    }

    private void Enqueue(AircraftSnapshot snapshot)
    {
        known.Add(snapshot.Icao);
        Replace(snapshot);
    }

    private void Replace(AircraftSnapshot snapshot)
    {
        pendingLost.Remove(snapshot.Icao);
        if (pending.TryGetValue(snapshot.Icao, out var older))
        {
            if (older.LastSeen > snapshot.LastSeen)
            {
                return;
            }

            Dropped++;
        }

        pending[snapshot.Icao] = snapshot;
    }

    private static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";
}
