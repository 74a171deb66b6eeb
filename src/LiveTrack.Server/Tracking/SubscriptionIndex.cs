using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiveTrack.Geo;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// Which hub clients a traffic change could concern, so <see cref="ClientSubscriptions.Offer"/> hands each client
/// only its candidates instead of every change to every client. Each client's own filter
/// (<see cref="TrackingClient"/>) still makes the final decision, so what a client is sent is exactly what it would
/// be sent if it were offered the whole batch: the index only leaves out changes that filter would ignore.
/// <list type="bullet">
/// <item>Areas go into a grid of 1° × 1° cells (cell → areas); an area covering more than <see cref="MaxCells"/> cells
/// goes on a wide list checked against every change. A change's candidates are the areas of its cell that contain it.</item>
/// <item>Aircraft subscriptions by ICAO address; fence and rule subscriptions by fence and rule id (plus the
/// every-fence and every-rule lists).</item>
/// <item>"Left" and "lost" updates go to the clients that know the aircraft. A client knows an aircraft only if the
/// aircraft's previous change matched one of its subscriptions (a non-matching change makes it forget the aircraft, and
/// removing a subscription makes it forget every aircraft), or if a new subscription sent it the aircraft since that
/// change. So the index keeps each aircraft's previous position (what that change matched is found again from the same
/// grid) and the clients that learnt about it from a new subscription since, and offers the change to those too.</item>
/// </list>
/// All of it is guarded by <see cref="Gate"/>: offers hold it for the whole batch (so offers are serialized, and an
/// offer sees no subscription change half-done), and subscription changes hold it around the client's own lock.
/// Order everywhere: <see cref="Gate"/>, then the client's lock.
/// </summary>
internal sealed class SubscriptionIndex
{
    /// <summary>Areas covering more cells than this are checked against every change instead of indexed.</summary>
    public const int MaxCells = 256;

    private const int LatitudeCells = 180;
    private const int LongitudeCells = 360;

    private readonly List<AreaSubscription>?[] cells = new List<AreaSubscription>?[LatitudeCells * LongitudeCells];
    private readonly List<AreaSubscription> wide = [];
    private readonly Dictionary<string, List<Member>> byIcao = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Member>> byFence = new(StringComparer.Ordinal);
    private readonly List<Member> everyFence = [];
    private readonly Dictionary<string, List<Member>> byRule = new(StringComparer.Ordinal);
    private readonly List<Member> everyRule = [];
    private readonly Dictionary<TrackingClient, Member> members = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Registration> registrations = new(StringComparer.Ordinal);

    /// <summary>Each aircraft's position in its last offered change (removed when it is lost).</summary>
    private readonly Dictionary<string, Position> previous = new(StringComparer.Ordinal);

    /// <summary>Clients that a new subscription sent the aircraft since its last offered change.</summary>
    private readonly Dictionary<string, List<Member>> learnt = new(StringComparer.Ordinal);

    private readonly List<Member> touched = [];
    private int stamp;

    /// <summary>Held by offers and by subscription changes (before the client's own lock).</summary>
    public Lock Gate { get; } = new();

    /// <summary>Subscriptions indexed, of every kind (for tests).</summary>
    public int Registrations
    {
        get
        {
            lock (Gate)
            {
                return registrations.Count;
            }
        }
    }

    /// <summary>Starts indexing a client's subscriptions. Caller holds <see cref="Gate"/>.</summary>
    public void Attach(TrackingClient client) => members.TryAdd(client, new Member(client));

    /// <summary>Forgets a disconnected client and all its subscriptions. Caller holds <see cref="Gate"/>.</summary>
    public void Detach(TrackingClient client)
    {
        if (!members.Remove(client, out var member))
        {
            return;
        }

        foreach (var id in member.Subscriptions.ToArray())
        {
            Remove(id);
        }

        // Left in the learnt lists, a detached member is only a candidate nobody delivers to: skip it there.
        member.Detached = true;
    }

    public void AddArea(TrackingClient client, string subscriptionId, BoundingBox box)
    {
        if (Find(client) is not { } member)
        {
            return;
        }

        var area = new AreaSubscription(member, box, CellsOf(box));
        if (area.Cells.Length > MaxCells)
        {
            wide.Add(area);
        }
        else
        {
            foreach (var cell in area.Cells)
            {
                (cells[cell] ??= []).Add(area);
            }
        }

        Register(member, subscriptionId, new Registration(member, area, null, null, null));
    }

    public void AddAircraft(TrackingClient client, string subscriptionId, string icao) =>
        AddKeyed(client, subscriptionId, byIcao, icao, null);

    /// <summary>One fence's events, or every fence's when <paramref name="fenceId"/> is null.</summary>
    public void AddFence(TrackingClient client, string subscriptionId, string? fenceId) =>
        AddKeyed(client, subscriptionId, byFence, fenceId, everyFence);

    /// <summary>One rule's alerts, or every rule's when <paramref name="ruleId"/> is null.</summary>
    public void AddRule(TrackingClient client, string subscriptionId, string? ruleId) =>
        AddKeyed(client, subscriptionId, byRule, ruleId, everyRule);

    /// <summary>A new subscription sent <paramref name="client"/> this aircraft: its next change must reach the client.</summary>
    public void Learnt(TrackingClient client, string icao)
    {
        if (Find(client) is { } member)
        {
            (CollectionsMarshal.GetValueRefOrAddDefault(learnt, icao, out _) ??= []).Add(member);
        }
    }

    public void Remove(string subscriptionId)
    {
        if (!registrations.Remove(subscriptionId, out var registration))
        {
            return;
        }

        registration.Member.Subscriptions.Remove(subscriptionId);
        if (registration.Area is { } area)
        {
            if (!wide.Remove(area))
            {
                foreach (var cell in area.Cells)
                {
                    var list = cells[cell]!;
                    list.Remove(area);
                    if (list.Count == 0)
                    {
                        cells[cell] = null;
                    }
                }
            }

            return;
        }

        var members = registration.List!;
        members.Remove(registration.Member);
        if (members.Count == 0 && registration.Key is { } key)
        {
            registration.Index!.Remove(key);
        }
    }

    /// <summary>
    /// Hands each client the changes of <paramref name="batch"/> that could concern it, in the batch's order.
    /// Serialized by <see cref="Gate"/>: one batch at a time, and no subscription change in the middle of one.
    /// </summary>
    public void Offer(TrafficBatch batch)
    {
        lock (Gate)
        {
            if (registrations.Count == 0)
            {
                // Without subscriptions no client knows any aircraft: nothing to remember until the next one.
                previous.Clear();
                learnt.Clear();
                return;
            }

            // The order each client applies them in: updates, then losses.
            foreach (var snapshot in batch.Updated)
            {
                Route(snapshot, lost: false);
            }

            foreach (var snapshot in batch.Lost)
            {
                Route(snapshot, lost: true);
            }

            if (everyFence.Count > 0 || byFence.Count > 0)
            {
                foreach (var e in batch.Events)
                {
                    stamp++;
                    foreach (var member in everyFence)
                    {
                        Take(member, e);
                    }

                    if (e.FenceId is not null && byFence.TryGetValue(e.FenceId, out var subscribers))
                    {
                        foreach (var member in subscribers)
                        {
                            Take(member, e);
                        }
                    }
                }
            }

            if (everyRule.Count > 0 || byRule.Count > 0)
            {
                foreach (var alert in batch.Alerts)
                {
                    stamp++;
                    foreach (var member in everyRule)
                    {
                        Take(member, alert);
                    }

                    if (alert.RuleId is not null && byRule.TryGetValue(alert.RuleId, out var subscribers))
                    {
                        foreach (var member in subscribers)
                        {
                            Take(member, alert);
                        }
                    }
                }
            }

            foreach (var member in touched)
            {
                member.Deliver();
            }

            touched.Clear();
        }
    }

    private void Route(AircraftSnapshot snapshot, bool lost)
    {
        stamp++;
        var here = Position.Of(snapshot);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(previous, snapshot.Icao, out var seen);
        var before = seen ? slot : default;
        if (lost)
        {
            previous.Remove(snapshot.Icao);
        }
        else
        {
            slot = here;
        }

        // Clients it matches now, and clients that may know it: those its previous change matched.
        var moved = before.Known && before != here;
        AreasOfCell(snapshot, here, lost);
        if (moved)
        {
            AreasOfCell(snapshot, before, lost);
        }

        if (wide.Count > 0 && (here.Known || moved))
        {
            foreach (var area in wide)
            {
                if (area.Contains(here) || (moved && area.Contains(before)))
                {
                    Take(area.Member, snapshot, lost);
                }
            }
        }

        if (byIcao.Count > 0 && byIcao.TryGetValue(snapshot.Icao, out var subscribers))
        {
            foreach (var member in subscribers)
            {
                Take(member, snapshot, lost);
            }
        }

        if (learnt.Count > 0 && learnt.Remove(snapshot.Icao, out var learners))
        {
            foreach (var member in learners)
            {
                Take(member, snapshot, lost);
            }
        }
    }

    private void AreasOfCell(AircraftSnapshot snapshot, Position at, bool lost)
    {
        if (at.Cell >= 0 && cells[at.Cell] is { } areas)
        {
            foreach (var area in areas)
            {
                if (area.Contains(at))
                {
                    Take(area.Member, snapshot, lost);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Take(Member member, AircraftSnapshot snapshot, bool lost)
    {
        if (member.Stamp == stamp || member.Detached)
        {
            return;
        }

        member.Stamp = stamp;
        (lost ? member.Lost : member.Updated).Add(snapshot);
        Touch(member);
    }

    private void Take(Member member, GeofenceEvent e)
    {
        if (member.Stamp != stamp && !member.Detached)
        {
            member.Stamp = stamp;
            member.Events.Add(e);
            Touch(member);
        }
    }

    private void Take(Member member, Alert alert)
    {
        if (member.Stamp != stamp && !member.Detached)
        {
            member.Stamp = stamp;
            member.Alerts.Add(alert);
            Touch(member);
        }
    }

    private void Touch(Member member)
    {
        if (!member.Touched)
        {
            member.Touched = true;
            touched.Add(member);
        }
    }

    private Member? Find(TrackingClient client) => members.GetValueOrDefault(client);

    private void AddKeyed(TrackingClient client, string subscriptionId, Dictionary<string, List<Member>> index, string? key, List<Member>? all)
    {
        if (Find(client) is not { } member)
        {
            return;
        }

        List<Member> list;
        if (key is null)
        {
            list = all!;
        }
        else
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
            list = slot ??= [];
        }

        // One entry per subscription (a client may subscribe twice to the same key); offers deliver once.
        list.Add(member);
        Register(member, subscriptionId, new Registration(member, null, list, key is null ? null : index, key));
    }

    private void Register(Member member, string subscriptionId, Registration registration)
    {
        registrations[subscriptionId] = registration;
        member.Subscriptions.Add(subscriptionId);
    }

    /// <summary>
    /// Every cell a point inside the box can fall in (see <see cref="Position.CellOf"/>): edges are inclusive,
    /// and 180° and -180° are the same meridian (cell column 0).
    /// </summary>
    private static int[] CellsOf(BoundingBox box)
    {
        var firstRow = Row(box.MinLatitude);
        var lastRow = Row(box.MaxLatitude);
        var columns = new bool[LongitudeCells];
        var west = (int)Math.Floor(box.MinLongitude + 180.0);
        var east = (int)Math.Floor(box.MaxLongitude + 180.0);
        if (box.CrossesAntimeridian)
        {
            Mark(columns, west, LongitudeCells);
            Mark(columns, 0, east);
        }
        else
        {
            Mark(columns, west, east);
        }

        // A box touching either spelling of the antimeridian contains both, which share column 0.
        if (box.Contains(box.MinLatitude, 180.0))
        {
            columns[0] = true;
        }

        var result = new List<int>();
        for (var row = firstRow; row <= lastRow; row++)
        {
            for (var column = 0; column < LongitudeCells; column++)
            {
                if (columns[column])
                {
                    result.Add((row * LongitudeCells) + column);
                }
            }
        }

        return [.. result];

        static void Mark(bool[] columns, int from, int to)
        {
            for (var c = from; c <= to; c++)
            {
                columns[c % LongitudeCells] = true;
            }
        }
    }

    private static int Row(double latitude) => Math.Clamp((int)Math.Floor(latitude + 90.0), 0, LatitudeCells - 1);

    /// <summary>An aircraft's position and its cell, or <see cref="Known"/> false (no position; nothing contains it).</summary>
    private readonly record struct Position(double Latitude, double Longitude, int Cell, bool Known)
    {
        public static Position Of(AircraftSnapshot snapshot)
        {
            if (!snapshot.HasPosition)
            {
                return default;
            }

            var latitude = snapshot.Latitude!.Value;
            var longitude = snapshot.Longitude!.Value;
            return new Position(latitude, longitude, CellOf(latitude, longitude), Known: true);
        }

        /// <summary>
        /// The cell of a point, or -1 when no box can contain it (NaN, latitude beyond ±90). Longitudes are wrapped as
        /// <see cref="BoundingBox.Contains(double, double)"/> wraps them; 180° falls in column 0 with -180°.
        /// </summary>
        public static int CellOf(double latitude, double longitude)
        {
            if (!(latitude is >= -90.0 and <= 90.0))
            {
                return -1;
            }

            if (longitude is < -180.0 or > 180.0)
            {
                longitude = Geodesy.NormalizeLongitude(longitude);
            }

            if (double.IsNaN(longitude))
            {
                return -1;
            }

            var column = (int)Math.Floor(longitude + 180.0) % LongitudeCells;
            return (Row(latitude) * LongitudeCells) + column;
        }
    }

    private sealed class AreaSubscription(Member member, BoundingBox box, int[] cells)
    {
        public Member Member { get; } = member;

        public BoundingBox Box { get; } = box;

        public int[] Cells { get; } = cells;

        /// <summary>False for a position without a cell (NaN, beyond ±90°): no box contains it.</summary>
        public bool Contains(Position at) => at.Cell >= 0 && Box.Contains(at.Latitude, at.Longitude);
    }

    /// <summary>What a subscription id put where, to take it out again.</summary>
    private sealed record Registration(
        Member Member,
        AreaSubscription? Area,
        List<Member>? List,
        Dictionary<string, List<Member>>? Index,
        string? Key);

    /// <summary>One client in the index, with the part of the current batch it is offered.</summary>
    private sealed class Member(TrackingClient client)
    {
        public TrackingClient Client { get; } = client;

        public HashSet<string> Subscriptions { get; } = new(StringComparer.Ordinal);

        public List<AircraftSnapshot> Updated { get; } = [];

        public List<AircraftSnapshot> Lost { get; } = [];

        public List<GeofenceEvent> Events { get; } = [];

        public List<Alert> Alerts { get; } = [];

        public int Stamp { get; set; }

        public bool Touched { get; set; }

        public bool Detached { get; set; }

        public void Deliver()
        {
            Client.Offer(
                CollectionsMarshal.AsSpan(Updated),
                CollectionsMarshal.AsSpan(Lost),
                CollectionsMarshal.AsSpan(Events),
                CollectionsMarshal.AsSpan(Alerts));
            Updated.Clear();
            Lost.Clear();
            Events.Clear();
            Alerts.Clear();
            Touched = false;
        }
    }
}
