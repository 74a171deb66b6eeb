namespace LiveTrack.ModeS;

/// <summary>
/// The state one receiver's stream needs to decode it: which addresses were seen in reliable (DF11/17/18)
/// messages, so address/parity replies can be trusted, and per aircraft the last even and odd CPR messages and the
/// last resolved position. CPR pairs only make sense from one receiver, so each feed has its own receiver.
/// </summary>
/// <remarks>
/// Positions follow readsb's checks: a global decode needs an even/odd pair of the same kind (airborne or surface)
/// within the pair window whose latitudes agree on the number of longitude zones; a resolved position must lie
/// within range of the receiver (when its location is set) and within reach of the aircraft's last position at the
/// fastest plausible speed. A rejected global fix is remembered: when the next one agrees with it rather than with
/// the old reference, the track re-anchors (so one bad reference cannot block an aircraft forever). Between pairs,
/// single messages are decoded locally against the last position while it is recent. Steady-state decoding does
/// not allocate. Not thread-safe: one receiver per connection or feed reader.
/// </remarks>
public sealed class ModeSReceiver(ModeSReceiverOptions options)
{
    private const double EarthRadiusNauticalMiles = 3440.065;
    private readonly Dictionary<int, Track> tracks = [];
    private long messages, decoded, crcErrors, unknownAddress, unsupported, noAddress, positions, cprGlobal, cprLocal, cprRejected;
    private long nextPruneTicks;

    public ModeSReceiver()
        : this(new ModeSReceiverOptions())
    {
    }

    /// <summary>Aircraft the receiver holds state for.</summary>
    public int TrackedAircraft => tracks.Count;

    public ModeSReceiverCounters Counters => new(messages, decoded, crcErrors, unknownAddress, unsupported, noAddress, positions, cprGlobal, cprLocal, cprRejected);

    /// <summary>Decodes one message received at <paramref name="nowTicks"/> (UTC ticks of the receive time).</summary>
    /// <param name="data">The 7 or 14 message bytes.</param>
    /// <param name="mlat">True for a multilaterated result (Beast MLAT timestamp): its source is kept as MLAT.</param>
    /// <param name="nowTicks">Receive time in ticks; pair windows and reference ages are measured with it.</param>
    /// <param name="message">The decoded fields; a resolved position when the message completed one.</param>
    public ModeSDecodeStatus Decode(ReadOnlySpan<byte> data, bool mlat, long nowTicks, out ModeSMessage message)
    {
        messages++;
        var status = ModeSDecoder.Decode(data, out message, out var fromParity);
        switch (status)
        {
            case ModeSDecodeStatus.CrcError:
                crcErrors++;
                return status;
            case ModeSDecodeStatus.Unsupported:
                unsupported++;
                return status;
            case ModeSDecodeStatus.NoAddress:
                noAddress++;
                return status;
        }

        if (nowTicks >= nextPruneTicks)
        {
            Prune(nowTicks);
        }

        Track? track;
        if (fromParity)
        {
            if (!tracks.TryGetValue(message.Address, out track) || nowTicks - track.ReliableTicks > options.AddressLifetime.Ticks)
            {
                unknownAddress++;
                return ModeSDecodeStatus.UnknownAddress;
            }
        }
        else
        {
            var key = message.NonIcaoAddress ? message.Address | (1 << 24) : message.Address;
            if (!tracks.TryGetValue(key, out track))
            {
                track = new Track();
                tracks.Add(key, track);
            }

            track.ReliableTicks = nowTicks;
        }

        if (mlat)
        {
            message.Source = ModeSSource.Mlat;
        }

        if (message.BarometricAltitudeFeet is { } baro)
        {
            track.BarometricAltitude = baro;
        }

        if (message.GeometricMinusBarometricFeet is { } difference && message.GeometricAltitudeFeet is null && track.BarometricAltitude is { } lastBaro)
        {
            message.GeometricAltitudeFeet = lastBaro + difference;
        }

        if (message.HasCpr)
        {
            Position(track, ref message, nowTicks);
        }

        decoded++;
        return ModeSDecodeStatus.Decoded;
    }

    private void Position(Track track, ref ModeSMessage message, long now)
    {
        var surface = message.Surface;
        ref var slot = ref message.CprOdd ? ref track.Odd : ref track.Even;
        slot = new CprSlot(message.CprLatitude, message.CprLongitude, now, surface, true);
        var other = message.CprOdd ? track.Even : track.Odd;
        var window = surface ? options.SurfacePairWindow.Ticks : options.AirbornePairWindow.Ticks;
        var reference = track.HasPosition && now - track.PositionTicks <= options.ReferenceLifetime.Ticks
            ? (track.Latitude, track.Longitude)
            : ((double, double)?)null;

        double lat = 0, lon = 0;
        var resolved = false;
        if (other.Valid && other.Surface == surface && now - other.Ticks <= window)
        {
            var even = message.CprOdd ? other : slot;
            var odd = message.CprOdd ? slot : other;
            bool ok;
            if (surface)
            {
                var (refLat, refLon) = reference
                    ?? (options.ReceiverLatitude is { } rLat && options.ReceiverLongitude is { } rLon ? (rLat, rLon) : (double.NaN, double.NaN));
                ok = !double.IsNaN(refLat) && Cpr.TryDecodeSurface(even.Lat, even.Lon, odd.Lat, odd.Lon, message.CprOdd, refLat, refLon, out lat, out lon);
            }
            else
            {
                ok = Cpr.TryDecodeGlobal(even.Lat, even.Lon, odd.Lat, odd.Lon, message.CprOdd, out lat, out lon);
            }

            if (ok && InRange(lat, lon))
            {
                if (reference is null || Reachable(track.Latitude, track.Longitude, track.PositionTicks, lat, lon, now, surface))
                {
                    resolved = true;
                    cprGlobal++;
                }
                else if (track.HasPending && Reachable(track.PendingLatitude, track.PendingLongitude, track.PendingTicks, lat, lon, now, surface))
                {
                    // Two consecutive fixes agree with each other and not with the reference: the reference was wrong.
                    resolved = true;
                    cprGlobal++;
                }
                else
                {
                    track.HasPending = true;
                    (track.PendingLatitude, track.PendingLongitude, track.PendingTicks) = (lat, lon, now);
                    cprRejected++;
                    return;
                }
            }
            else
            {
                // The pair is inconsistent (different NL zones, out of range): start a new pair from this message.
                cprRejected++;
                if (message.CprOdd)
                {
                    track.Even = default;
                }
                else
                {
                    track.Odd = default;
                }
            }
        }

        if (!resolved && reference is { } r)
        {
            (lat, lon) = Cpr.DecodeLocal(message.CprLatitude, message.CprLongitude, message.CprOdd, surface, r.Item1, r.Item2);
            var limit = surface ? 20 : 90;
            if (Distance(r.Item1, r.Item2, lat, lon) <= limit && InRange(lat, lon) && Reachable(track.Latitude, track.Longitude, track.PositionTicks, lat, lon, now, surface))
            {
                resolved = true;
                cprLocal++;
            }
            else
            {
                cprRejected++;
            }
        }

        if (resolved)
        {
            track.HasPosition = true;
            track.HasPending = false;
            (track.Latitude, track.Longitude, track.PositionTicks) = (lat, lon, now);
            message.Latitude = Math.Round(lat, 6);
            message.Longitude = Math.Round(lon, 6);
            positions++;
        }
    }

    private bool InRange(double lat, double lon) =>
        options.ReceiverLatitude is not { } rLat || options.ReceiverLongitude is not { } rLon
        || Distance(rLat, rLon, lat, lon) <= options.MaxRangeNauticalMiles;

    private bool Reachable(double fromLat, double fromLon, long fromTicks, double lat, double lon, long now, bool surface)
    {
        var hours = Math.Max(0, now - fromTicks) / (double)TimeSpan.TicksPerHour;
        var speed = surface ? options.MaxSurfaceSpeedKnots : options.MaxAirborneSpeedKnots;

        // A small allowance covers CPR quantisation and receive-time jitter.
        return Distance(fromLat, fromLon, lat, lon) <= (speed * hours) + (surface ? 0.1 : 1.0);
    }

    private static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        const double toRad = Math.PI / 180;
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusNauticalMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private void Prune(long now)
    {
        var horizon = Math.Max(options.ReferenceLifetime.Ticks, options.AddressLifetime.Ticks);
        foreach (var (key, track) in tracks)
        {
            if (now - Math.Max(track.ReliableTicks, track.PositionTicks) > horizon)
            {
                tracks.Remove(key);
            }
        }

        nextPruneTicks = now + TimeSpan.TicksPerMinute;
    }

    private record struct CprSlot(int Lat, int Lon, long Ticks, bool Surface, bool Valid);

    private sealed class Track
    {
#pragma warning disable CA1051, SA1401 // Private mutable state of a private type, updated in place on the hot path.
        public long ReliableTicks;
        public CprSlot Even;
        public CprSlot Odd;
        public bool HasPosition;
        public double Latitude;
        public double Longitude;
        public long PositionTicks;
        public bool HasPending;
        public double PendingLatitude;
        public double PendingLongitude;
        public long PendingTicks;
        public int? BarometricAltitude;
#pragma warning restore CA1051, SA1401
    }
}
