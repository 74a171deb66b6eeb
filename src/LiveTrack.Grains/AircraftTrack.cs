using LiveTrack.Geo;

namespace LiveTrack.Grains;

/// <summary>
/// The merge rules for one aircraft, free of Orleans so they are tested alone. Each field of the state keeps the
/// newest reading by observation time; an equal-or-older reading is stale. A position implying an impossible speed
/// from the last accepted one is kept out as suspect — unless the next position confirms it (both suspects agree
/// with each other), which re-anchors the track so one bad accepted fix cannot freeze an aircraft forever.
/// </summary>
public sealed class AircraftTrack(string icao, TrackingOptions options)
{
    private PositionReading? unconfirmed;

    public AircraftState? State { get; private set; }

    /// <summary>Who the aircraft is; set on the state when the first report creates it.</summary>
    public AircraftIdentity? Identity { get; init; }

    /// <summary>
    /// Whether the last <see cref="Apply"/> merged any field — also when the report counts as suspect because its
    /// position was rejected: its other fields (a squawk change, say) are taken and must be acted on.
    /// </summary>
    public bool Merged { get; private set; }

    public AircraftState Apply(AircraftReport report, DateTimeOffset now, out ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(report);
        var current = State ?? new AircraftState { Icao = icao, Identity = Identity };

        if (report.Timestamp > now + options.MaxClockSkew)
        {
            outcome = new ReportOutcome(0, 0, 1);
            Merged = false;
            State = current with { Suspect = current.Suspect + 1 };
            return State;
        }

        // Every field is merged into a local first and the state is copied once (one allocation per report).
        var accepted = false;
        var stale = false;
        var suspect = false;
        var at = report.Timestamp;
        var feed = report.Feed;
        var position = current.Position;
        var accuracy = current.PositionAccuracy;

        if (report.HasPosition)
        {
            var candidate = new PositionReading(report.Latitude!.Value, report.Longitude!.Value, report.PositionSource, at, feed);
            switch (JudgePosition(current.Position, candidate))
            {
                case PositionVerdict.Accept:
                    position = candidate;
                    accuracy = AccuracyOf(report);
                    unconfirmed = null;
                    accepted = true;
                    break;
                case PositionVerdict.Stale:
                    stale = true;
                    break;
                case PositionVerdict.Suspect:
                    suspect = true;
                    break;
            }
        }

        var barometric = Merge(current.BarometricAltitudeFeet, report.BarometricAltitudeFeet, at, feed, ref accepted, ref stale);
        var geometric = Merge(current.GeometricAltitudeFeet, report.GeometricAltitudeFeet, at, feed, ref accepted, ref stale);
        var groundSpeed = Merge(current.GroundSpeedKnots, report.GroundSpeedKnots, at, feed, ref accepted, ref stale);
        var track = Merge(current.TrackDegrees, report.TrackDegrees, at, feed, ref accepted, ref stale);
        var verticalRate = Merge(current.VerticalRateFeetPerMinute, report.VerticalRateFeetPerMinute, at, feed, ref accepted, ref stale);
        var callsign = MergeText(current.Callsign, report.Callsign, at, feed, ref accepted, ref stale);
        var squawk = MergeText(current.Squawk, report.Squawk, at, feed, ref accepted, ref stale);
        var onGround = Merge(current.OnGround, report.OnGround, at, feed, ref accepted, ref stale);
        var emergency = Merge(current.Emergency, report.Emergency, at, feed, ref accepted, ref stale);
        var alert = Merge(current.Alert, report.Alert, at, feed, ref accepted, ref stale);
        var spi = Merge(current.Spi, report.Spi, at, feed, ref accepted, ref stale);
        var category = MergeText(current.Category, report.Category, at, feed, ref accepted, ref stale);
        var registration = MergeText(current.Registration, report.Registration, at, feed, ref accepted, ref stale);
        var typeCode = MergeText(current.TypeCode, report.TypeCode, at, feed, ref accepted, ref stale);
        var military = Merge(current.Military, report.Military, at, feed, ref accepted, ref stale);

        Merged = accepted;

        // A report counts once: suspect wins over accepted parts, accepted over stale parts.
        outcome = suspect ? new ReportOutcome(0, 0, 1)
            : accepted ? new ReportOutcome(1, 0, 0)
            : new ReportOutcome(0, 1, 0);

        var lastSeen = current.LastSeen;
        var lastFeed = current.LastFeed;
        if (accepted)
        {
            // The server's receive time starts report-to-client latency; never later than now.
            var received = report.ReceivedAt < now ? report.ReceivedAt : now;
            lastSeen = received > current.LastSeen ? received : current.LastSeen;
            lastFeed = feed;
        }

        State = current with
        {
            Position = position,
            PositionAccuracy = accuracy,
            BarometricAltitudeFeet = barometric,
            GeometricAltitudeFeet = geometric,
            GroundSpeedKnots = groundSpeed,
            TrackDegrees = track,
            VerticalRateFeetPerMinute = verticalRate,
            Callsign = callsign,
            Squawk = squawk,
            OnGround = onGround,
            Emergency = emergency,
            Alert = alert,
            Spi = spi,
            Category = category,
            Registration = registration,
            TypeCode = typeCode,
            Military = military,
            LastSeen = lastSeen,
            LastFeed = lastFeed,
            Accepted = current.Accepted + (accepted ? 1 : 0),
            Stale = current.Stale + (!accepted && !suspect && stale ? 1 : 0),
            Suspect = current.Suspect + (suspect ? 1 : 0),
        };
        return State;
    }

    private PositionVerdict JudgePosition(PositionReading? last, PositionReading candidate)
    {
        if (last is not { } previous)
        {
            return PositionVerdict.Accept;
        }

        if (candidate.At <= previous.At)
        {
            return PositionVerdict.Stale;
        }

        if (IsPlausible(previous, candidate))
        {
            return PositionVerdict.Accept;
        }

        if (unconfirmed is { } pending && candidate.At > pending.At && IsPlausible(pending, candidate))
        {
            return PositionVerdict.Accept;
        }

        unconfirmed = candidate;
        return PositionVerdict.Suspect;
    }

    private bool IsPlausible(PositionReading from, PositionReading to)
    {
        var hours = (to.At - from.At).TotalHours;
        var distance = Geodesy.DistanceNauticalMiles(new GeoPoint(from.Latitude, from.Longitude), new GeoPoint(to.Latitude, to.Longitude));
        return distance <= (options.MaxSpeedKnots * Math.Abs(hours)) + options.PositionJitterNauticalMiles;
    }

    private static Reading<T>? Merge<T>(Reading<T>? current, T? value, DateTimeOffset at, string feed, ref bool accepted, ref bool stale)
        where T : struct
    {
        if (value is not { } v)
        {
            return current;
        }

        if (current is { } c && at <= c.At)
        {
            stale = true;
            return current;
        }

        accepted = true;
        return new Reading<T>(v, at, feed);
    }

    private static Reading<string>? MergeText(Reading<string>? current, string? value, DateTimeOffset at, string feed, ref bool accepted, ref bool stale)
    {
        if (string.IsNullOrEmpty(value))
        {
            return current;
        }

        if (current is { } c && at <= c.At)
        {
            stale = true;
            return current;
        }

        accepted = true;
        return new Reading<string>(value, at, feed);
    }

    private static PositionAccuracy? AccuracyOf(AircraftReport report) =>
        report.Nic is null && report.NacP is null && report.ContainmentRadiusMeters is null
            ? null
            : new PositionAccuracy(report.Nic, report.NacP, report.ContainmentRadiusMeters);

    private enum PositionVerdict
    {
        Accept,
        Stale,
        Suspect,
    }
}
