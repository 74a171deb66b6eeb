using LiveTrack.Geofencing;
using LiveTrack.History;

namespace LiveTrack.Grains;

/// <summary>
/// Imported reports judged and evaluated exactly as an <see cref="AircraftGrain"/> judges and evaluates live ones —
/// the same <see cref="AircraftTrack"/> merge rules, the same <see cref="AircraftFences"/> crossings and the same
/// <see cref="HistoryRecords"/> — but with the recording's own timestamps and without the live clock's "lost after
/// silence": nothing here ever times out, so a gap in a recording is a gap in the history, not a <c>LostInside</c>.
/// One instance per import, holding one track per aircraft across batches; not thread-safe.
/// </summary>
/// <remarks>
/// Each batch is taken in time order (a stable sort by <see cref="AircraftReport.Timestamp"/>, so reports of one
/// aircraft keep the recording's order among equal times); a report older than its aircraft's last accepted one,
/// also across batches, is stale, as it would be live. Every record is marked imported.
/// </remarks>
public sealed class ImportedTraffic
{
    private readonly Dictionary<string, Aircraft> aircraft = new(StringComparer.Ordinal);
    private readonly TrackingOptions options;
    private readonly Func<string, AircraftIdentity?> identities;
    private readonly DateTimeOffset now;
    private readonly string? traceId;
    private readonly bool signals;

    /// <param name="options">The live merge rules (maximum speed, jitter, clock skew).</param>
    /// <param name="identities">Who an address is (as the grain's identity provider says); may return null.</param>
    /// <param name="now">The import's clock: only for the clock-skew check (a report stamped in the future is suspect).</param>
    /// <param name="traceId">The trace id stored with the events (the import request's).</param>
    /// <param name="signals">Whether to produce squawk and emergency signals and the events' aircraft snapshots, which only live alert rules need.</param>
    public ImportedTraffic(TrackingOptions options, Func<string, AircraftIdentity?> identities, DateTimeOffset now, string? traceId, bool signals)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identities);
        this.options = options;
        this.identities = identities;
        this.now = now;
        this.traceId = traceId;
        this.signals = signals;
    }

    /// <summary>Distinct aircraft seen so far.</summary>
    public int AircraftCount => aircraft.Count;

    /// <summary>Reports with at least one field merged.</summary>
    public long Accepted { get; private set; }

    /// <summary>Reports that brought nothing newer than what their aircraft already had.</summary>
    public long Stale { get; private set; }

    /// <summary>Reports whose position implied an impossible speed (or that were stamped in the future).</summary>
    public long Suspect { get; private set; }

    /// <summary>Judges one batch against <paramref name="fences"/> and returns what the history records for it.</summary>
    public ImportedBatch Evaluate(IReadOnlyList<AircraftReport> reports, GeofenceIndex fences)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(fences);
        var recorder = new Collector();
        var raised = new List<GeofenceEvent>();
        List<AircraftSignal>? squawks = null;
        foreach (var report in InTimeOrder(reports))
        {
            if (!aircraft.TryGetValue(report.Icao, out var one))
            {
                one = new Aircraft(report.Icao, options, identities(report.Icao), now);
                aircraft.Add(report.Icao, one);
            }

            var previous = one.Track.State;
            var state = one.Track.Apply(report, now, out var outcome);
            Accepted += outcome.Accepted;
            Stale += outcome.Stale;
            Suspect += outcome.Suspect;
            if (!one.Track.Merged)
            {
                continue;
            }

            HistoryRecords.Record(recorder, previous, state, report, imported: true);
            if (state.Position is { } position && position != previous?.Position)
            {
                var current = new TrackPosition(position.Latitude, position.Longitude, state.BarometricAltitudeFeet?.Value ?? state.GeometricAltitudeFeet?.Value, position.At);
                var events = one.Fences.Moved(fences, one.Last, current, state.Callsign?.Value);
                one.Last = current;
                if (events.Count > 0)
                {
                    var snapshot = signals ? Snapshot(state, one.Fences) : null;
                    foreach (var e in events)
                    {
                        var stamped = e with { TraceId = traceId, Aircraft = snapshot };
                        raised.Add(stamped);
                        recorder.FenceEvent(new EventRecord { Event = stamped, Imported = true });
                    }
                }
            }

            if (signals && ((state.Squawk is { } squawk && squawk.Value != previous?.Squawk?.Value)
                || (state.Emergency?.Value == true) != (previous?.Emergency?.Value == true)))
            {
                (squawks ??= []).Add(new AircraftSignal
                {
                    Icao = state.Icao,
                    Sequence = one.Fences.NextSequence(),
                    Squawk = state.Squawk?.Value,
                    Emergency = state.Emergency?.Value,
                    At = report.Timestamp,
                    Aircraft = Snapshot(state, one.Fences),
                    TraceId = traceId,
                });
            }
        }

        return new ImportedBatch(new HistoryBatch(recorder.Positions, recorder.Changes, recorder.Events), raised, squawks ?? []);
    }

    private static IEnumerable<AircraftReport> InTimeOrder(IReadOnlyList<AircraftReport> reports)
    {
        for (var i = 1; i < reports.Count; i++)
        {
            if (reports[i].Timestamp < reports[i - 1].Timestamp)
            {
                return reports.OrderBy(r => r.Timestamp); // stable
            }
        }

        return reports;
    }

    private static AircraftSnapshot Snapshot(AircraftState state, AircraftFences fences) =>
        state.ToSnapshot() with { Geofences = fences.Inside.Count > 0 ? [.. fences.Inside.Order(StringComparer.Ordinal)] : [] };

    private sealed class Aircraft(string icao, TrackingOptions options, AircraftIdentity? identity, DateTimeOffset now)
    {
        public AircraftTrack Track { get; } = new(icao, options) { Identity = identity };

        public AircraftFences Fences { get; } = new(icao, now);

        public TrackPosition? Last { get; set; }
    }

    private sealed class Collector : IHistoryRecorder
    {
        public List<PositionRecord> Positions { get; } = [];

        public List<ChangeRecord> Changes { get; } = [];

        public List<EventRecord> Events { get; } = [];

        public void Position(PositionRecord position) => Positions.Add(position);

        public void Change(ChangeRecord change) => Changes.Add(change);

        public void FenceEvent(EventRecord geofenceEvent) => Events.Add(geofenceEvent);
    }
}
