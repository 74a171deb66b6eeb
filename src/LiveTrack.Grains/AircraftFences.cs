using LiveTrack.Geofencing;

namespace LiveTrack.Grains;

/// <summary>
/// One aircraft's relation to the fences, free of Orleans: which fences it is inside, and the events each new
/// position, fence change or loss produces. Sequence numbers start from the activation's clock in microseconds and
/// increase by one per event, so they keep increasing across grain activations.
/// </summary>
public sealed class AircraftFences(string icao, DateTimeOffset activatedAt)
{
    private readonly Dictionary<string, GeofenceDefinition> inside = new(StringComparer.Ordinal);
    private long sequence = activatedAt.ToUnixTimeMilliseconds() * 1000;

    /// <summary>The fences near the aircraft, kept between moves (see <see cref="FenceNeighbourhood"/>); null before the first move.</summary>
    private FenceNeighbourhood? neighbourhood;

    /// <summary>
    /// Whether moves go through a kept <see cref="FenceNeighbourhood"/> (the default). False evaluates every move
    /// from the index alone — the same events, for the tests that check so.
    /// </summary>
    internal bool KeepsNeighbourhood { get; init; } = true;

    /// <summary>The kept neighbourhood (null before the first move from a position): for tests.</summary>
    internal FenceNeighbourhood? Neighbourhood => neighbourhood;

    public IReadOnlyCollection<string> Inside => inside.Keys;

    /// <summary>The last number of this aircraft's event and signal sequence.</summary>
    public long Sequence => sequence;

    /// <summary>The next number of this aircraft's event and signal sequence.</summary>
    public long NextSequence() => ++sequence;

    /// <summary>
    /// Resumes a persisted membership (fences no longer in <paramref name="index"/> are dropped) and sequence (kept
    /// increasing): the next position raises no FirstSeen for a fence the aircraft was already inside.
    /// </summary>
    public void Restore(long savedSequence, IEnumerable<string> fenceIds, GeofenceIndex index)
    {
        ArgumentNullException.ThrowIfNull(fenceIds);
        ArgumentNullException.ThrowIfNull(index);
        sequence = Math.Max(sequence, savedSequence);
        foreach (var id in fenceIds)
        {
            if (index.Find(id) is { } fence)
            {
                inside[id] = fence;
            }
        }
    }

    /// <summary>Events for moving from <paramref name="before"/> (null for the first position) to <paramref name="after"/>.</summary>
    public List<GeofenceEvent> Moved(GeofenceIndex index, TrackPosition? before, TrackPosition after, string? callsign)
    {
        if (index.Count == 0 && inside.Count == 0)
        {
            return []; // No fence to enter, none to leave.
        }

        List<(GeofenceCrossing? Crossing, GeofenceEventKind Kind, GeofenceEventReason Reason, GeofenceDefinition Fence, DateTimeOffset At)>? events = null;
        if (before is not { } from)
        {
            var containing = index.Containing(after.Latitude, after.Longitude, after.AltitudeFeet);
            foreach (var fence in containing)
            {
                if (!inside.ContainsKey(fence.Id))
                {
                    (events ??= []).Add((null, GeofenceEventKind.Entered, GeofenceEventReason.FirstSeen, fence, after.Time));
                }
            }

            // Restored membership (see Restore): a fence left while the aircraft was not tracked is exited now.
            foreach (var (id, fence) in inside)
            {
                if (!containing.Any(f => f.Id == id))
                {
                    (events ??= []).Add((null, GeofenceEventKind.Exited, GeofenceEventReason.Crossed, index.Find(id) ?? fence, after.Time));
                }
            }
        }
        else
        {
            // The fences the segment comes near, then those the aircraft was inside that it does not come near (a
            // fence that changed or went away since): no set is built, the aircraft is inside few fences.
            var near = KeepsNeighbourhood && index.Count > 0 ? neighbourhood ??= new FenceNeighbourhood() : null;
            var along = near is null ? index.CandidatesAlong(from.Point, after.Point) : index.CandidatesAlong(from.Point, after.Point, near);
            for (var i = 0; i < along.Count; i++)
            {
                Check(along[i], from, after, near, ref events);
            }

            foreach (var id in inside.Keys)
            {
                if (!Listed(along, id) && index.Find(id) is { } fence)
                {
                    Check(fence, from, after, near, ref events);
                }
            }
        }

        if (events is null)
        {
            return [];
        }

        if (events.Count > 1)
        {
            // Stable, like OrderBy: crossings of the same instant keep the order they were found in.
            events = [.. events.OrderBy(e => e.At)];
        }

        var result = new List<GeofenceEvent>(events.Count);
        foreach (var e in events)
        {
            Apply(e.Kind, e.Fence);
            result.Add(new GeofenceEvent
            {
                Icao = icao,
                Sequence = ++sequence,
                Kind = e.Kind,
                Reason = e.Reason,
                FenceId = e.Fence.Id,
                FenceName = e.Fence.Name,
                At = e.At,
                Before = before is { } b ? ToEvidence(b) : null,
                After = ToEvidence(after),
                Crossing = e.Crossing is { } c ? new EventPosition(c.Point.Latitude, c.Point.Longitude, c.AltitudeFeet is { } alt ? (int)Math.Round(alt) : null, c.Time) : null,
                Boundary = e.Crossing?.Boundary.ToString(),
                Callsign = callsign,
                Provenance = ProvenanceOf(e.Fence),
                BoundaryDistanceNm = DistanceToLine(e.Fence, after),
            });
        }

        return result;
    }

    private void Check(
        GeofenceDefinition fence,
        TrackPosition from,
        TrackPosition after,
        FenceNeighbourhood? near,
        ref List<(GeofenceCrossing? Crossing, GeofenceEventKind Kind, GeofenceEventReason Reason, GeofenceDefinition Fence, DateTimeOffset At)>? events)
    {
        var wasInside = inside.ContainsKey(fence.Id);
        var crossings = GeofenceCrossings.Find(fence, from, after, near);
        for (var i = 0; i < crossings.Count; i++)
        {
            var crossing = crossings[i];
            var kind = crossing.Kind == GeofenceCrossingKind.Entered ? GeofenceEventKind.Entered : GeofenceEventKind.Exited;
            if ((kind == GeofenceEventKind.Entered) == wasInside)
            {
                continue; // Already in that state (e.g. after a fence change): nothing to report.
            }

            (events ??= []).Add((crossing, kind, GeofenceEventReason.Crossed, fence, crossing.Time));
            wasInside = kind == GeofenceEventKind.Entered;
        }

        // Guard: whatever the crossings said, end in the state the position is actually in.
        var isInside = fence.Contains(after.Latitude, after.Longitude, after.AltitudeFeet);
        if (isInside != wasInside)
        {
            (events ??= []).Add((null, isInside ? GeofenceEventKind.Entered : GeofenceEventKind.Exited, GeofenceEventReason.Crossed, fence, after.Time));
        }
    }

    private static bool Listed(IReadOnlyList<GeofenceDefinition> fences, string id)
    {
        for (var i = 0; i < fences.Count; i++)
        {
            if (string.Equals(fences[i].Id, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Re-checks one fence after it changed; <paramref name="fence"/> is null when it was deleted.</summary>
    public GeofenceEvent? FenceChanged(string fenceId, GeofenceDefinition? fence, TrackPosition? position, string? callsign)
    {
        var wasInside = inside.TryGetValue(fenceId, out var old);
        var isInside = fence is not null && position is { } p && fence.Contains(p.Latitude, p.Longitude, p.AltitudeFeet);
        if (wasInside == isInside)
        {
            return null;
        }

        var kind = isInside ? GeofenceEventKind.Entered : GeofenceEventKind.Exited;
        if (isInside)
        {
            inside[fenceId] = fence!;
        }
        else
        {
            inside.Remove(fenceId);
        }

        return new GeofenceEvent
        {
            Icao = icao,
            Sequence = ++sequence,
            Kind = kind,
            Reason = isInside ? GeofenceEventReason.FenceCreated : GeofenceEventReason.FenceDeleted,
            FenceId = fenceId,
            FenceName = fence?.Name ?? old?.Name,
            At = position?.Time ?? DateTimeOffset.UtcNow,
            After = position is { } at ? ToEvidence(at) : null,
            Callsign = callsign,
            Provenance = ProvenanceOf(fence ?? old),
            BoundaryDistanceNm = fence is not null && position is { } here ? DistanceToLine(fence, here) : null,
        };
    }

    /// <summary>LostInside for every fence the aircraft was inside; the aircraft is then inside none.</summary>
    public List<GeofenceEvent> Lost(TrackPosition? last, DateTimeOffset at, string? callsign)
    {
        var events = inside.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new GeofenceEvent
        {
            Icao = icao,
            Sequence = ++sequence,
            Kind = GeofenceEventKind.LostInside,
            Reason = GeofenceEventReason.Lost,
            FenceId = f.Key,
            FenceName = f.Value.Name,
            At = at,
            Before = last is { } l ? ToEvidence(l) : null,
            Callsign = callsign,
            Provenance = ProvenanceOf(f.Value),
            BoundaryDistanceNm = last is { } here ? DistanceToLine(f.Value, here) : null,
        }).ToList();
        inside.Clear();
        neighbourhood = null;
        return events;
    }

    private void Apply(GeofenceEventKind kind, GeofenceDefinition fence)
    {
        if (kind == GeofenceEventKind.Entered)
        {
            inside[fence.Id] = fence;
        }
        else
        {
            inside.Remove(fence.Id);
        }
    }

    private static EventPosition ToEvidence(TrackPosition p) => new(p.Latitude, p.Longitude, p.AltitudeFeet, p.Time);

    /// <summary>Only fences made from a boundary dataset: their line is what a reader of the event asks about.</summary>
    private static double? DistanceToLine(GeofenceDefinition fence, TrackPosition p) =>
        fence.Provenance is null ? null : Math.Round(FenceDistance.ToBoundaryNauticalMiles(fence, p.Point), 3);

    private static BoundaryProvenance? ProvenanceOf(GeofenceDefinition? fence) => fence?.Provenance is not { } p
        ? null
        : new BoundaryProvenance
        {
            Kind = p.Kind,
            Dataset = p.Dataset,
            Package = p.Package,
            PackageVersion = p.PackageVersion,
            Licence = p.Licence,
            Attribution = p.Attribution,
            ResolutionMeters = p.ResolutionMeters,
            ToleranceNm = p.ToleranceNauticalMiles,
            Countries = [.. p.Countries],
            ImportedAt = p.ImportedAt,
            FenceVersion = p.FenceVersion,
            Citation = p.Citation,
        };
}
