namespace LiveTrack.ModeS;

/// <summary>
/// Builds Mode S messages with valid parity, for the simulator and for tests: DF17 identification, airborne and
/// surface positions (CPR), airborne velocity and aircraft status, and DF4/DF5 surveillance replies whose parity is
/// overlaid with the address. Each method writes into the destination span and returns the length.
/// </summary>
public static class ModeSEncoder
{
    private const string Charset = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

    /// <summary>DF17 TC 1–4: callsign (up to 8 of A–Z, 0–9, space) and emitter category (e.g. <c>A3</c>).</summary>
    public static int Identification(Span<byte> destination, int address, string callsign, string category = "A0")
    {
        ArgumentNullException.ThrowIfNull(callsign);
        ArgumentNullException.ThrowIfNull(category);
        var set = category.Length == 2 && category[0] is >= 'A' and <= 'D' ? category[0] - 'A' : 0;
        var ca = category.Length == 2 && category[1] is >= '0' and <= '7' ? category[1] - '0' : 0;
        ulong me = ((ulong)(4 - set) << 51) | ((ulong)ca << 48);
        for (var i = 0; i < 8; i++)
        {
            var c = i < callsign.Length ? char.ToUpperInvariant(callsign[i]) : ' ';
            var code = Charset.IndexOf(c, StringComparison.Ordinal);
            me |= (ulong)(code < 0 || c == '#' ? 32 : code) << (42 - (6 * i));
        }

        return Squitter(destination, address, 5, me);
    }

    /// <summary>DF17 TC 11 airborne position with barometric altitude in 25-ft steps, in the even or odd CPR format.</summary>
    public static int AirbornePosition(Span<byte> destination, int address, double latitude, double longitude, int altitudeFeet, bool odd, int surveillanceStatus = 0)
    {
        var (lat, lon) = Cpr.Encode(latitude, longitude, odd);
        ulong me = (11UL << 51) | ((ulong)(surveillanceStatus & 3) << 49) | ((ulong)ModeSCodes.EncodeAltitude12(altitudeFeet) << 36)
            | ((odd ? 1UL : 0UL) << 34) | ((ulong)(uint)lat << 17) | (uint)lon;
        return Squitter(destination, address, 5, me);
    }

    /// <summary>DF17 TC 7 surface position with ground speed and track, in the even or odd CPR format.</summary>
    public static int SurfacePosition(Span<byte> destination, int address, double latitude, double longitude, double groundSpeedKnots, double trackDegrees, bool odd)
    {
        var (lat, lon) = Cpr.Encode(latitude, longitude, odd, surface: true);
        var movement = groundSpeedKnots switch
        {
            < 0.125 => 1,
            < 1 => 1 + (int)Math.Round(groundSpeedKnots / 0.125),
            < 2 => 9 + (int)Math.Round((groundSpeedKnots - 1) / 0.25),
            < 15 => 13 + (int)Math.Round((groundSpeedKnots - 2) / 0.5),
            < 70 => 39 + (int)Math.Round(groundSpeedKnots - 15),
            < 100 => 94 + (int)Math.Round((groundSpeedKnots - 70) / 2),
            < 175 => 109 + (int)Math.Round((groundSpeedKnots - 100) / 5),
            _ => 124,
        };
        var track = (int)Math.Round(trackDegrees * 128 / 360) & 0x7F;
        ulong me = (7UL << 51) | ((ulong)movement << 44) | (1UL << 43) | ((ulong)track << 36)
            | ((odd ? 1UL : 0UL) << 34) | ((ulong)(uint)lat << 17) | (uint)lon;
        return Squitter(destination, address, 4, me);
    }

    /// <summary>DF17 TC 19 subtype 1: ground speed and track as east/north components, barometric vertical rate.</summary>
    public static int Velocity(Span<byte> destination, int address, double groundSpeedKnots, double trackDegrees, int verticalRateFeetPerMinute)
    {
        var radians = trackDegrees * Math.PI / 180;
        var vx = (int)Math.Round(groundSpeedKnots * Math.Sin(radians));
        var vy = (int)Math.Round(groundSpeedKnots * Math.Cos(radians));
        var rate = (int)Math.Round(Math.Abs(verticalRateFeetPerMinute) / 64.0);
        ulong me = (19UL << 51) | (1UL << 48)
            | ((vx < 0 ? 1UL : 0UL) << 42) | ((ulong)Math.Min(Math.Abs(vx) + 1, 1023) << 32)
            | ((vy < 0 ? 1UL : 0UL) << 31) | ((ulong)Math.Min(Math.Abs(vy) + 1, 1023) << 21)
            | (1UL << 20) | ((verticalRateFeetPerMinute < 0 ? 1UL : 0UL) << 19) | ((ulong)Math.Min(rate + 1, 511) << 10);
        return Squitter(destination, address, 5, me);
    }

    /// <summary>DF17 TC 28 subtype 1: emergency/priority state and Mode A code.</summary>
    public static int AircraftStatus(Span<byte> destination, int address, int squawk, int emergencyState)
    {
        ulong me = (28UL << 51) | (1UL << 48) | ((ulong)(emergencyState & 7) << 45) | ((ulong)ModeSCodes.EncodeSquawk(squawk) << 32);
        return Squitter(destination, address, 5, me);
    }

    /// <summary>DF5 surveillance identity reply: squawk and flight status, parity overlaid with the address.</summary>
    public static int SurveillanceIdentity(Span<byte> destination, int address, int squawk, int flightStatus = 0)
    {
        var id = ModeSCodes.EncodeSquawk(squawk);
        return Surveillance(destination, 5, flightStatus, id, address);
    }

    /// <summary>DF4 surveillance altitude reply in 25-ft steps.</summary>
    public static int SurveillanceAltitude(Span<byte> destination, int address, int altitudeFeet, int flightStatus = 0)
    {
        var ac12 = ModeSCodes.EncodeAltitude12(altitudeFeet);
        var ac13 = ((ac12 & 0x0FC0) << 1) | (ac12 & 0x003F);
        return Surveillance(destination, 4, flightStatus, ac13, address);
    }

    /// <summary>Writes a Beast frame (<c>0x1a</c>, type, timestamp, signal, message) with every <c>0x1a</c> doubled.</summary>
    /// <returns>The number of bytes written (at most 2 + 2 × 21).</returns>
    public static int BeastFrame(Span<byte> destination, ReadOnlySpan<byte> message, long timestamp, byte signal)
    {
        var type = message.Length switch
        {
            2 => (byte)0x31,
            7 => (byte)0x32,
            14 => (byte)0x33,
            _ => throw new ArgumentException("A Beast frame carries 2, 7 or 14 message bytes.", nameof(message)),
        };

        var n = 0;
        destination[n++] = 0x1a;
        destination[n++] = type;
        for (var shift = 40; shift >= 0; shift -= 8)
        {
            Put(destination, ref n, (byte)(timestamp >> shift));
        }

        Put(destination, ref n, signal);
        foreach (var b in message)
        {
            Put(destination, ref n, b);
        }

        return n;

        static void Put(Span<byte> destination, ref int n, byte b)
        {
            destination[n++] = b;
            if (b == 0x1a)
            {
                destination[n++] = 0x1a;
            }
        }
    }

    /// <summary>The AVR text of a message: <c>*hex;</c>.</summary>
    public static string AvrLine(ReadOnlySpan<byte> message) => $"*{Convert.ToHexString(message)};";

    private static int Squitter(Span<byte> destination, int address, int capability, ulong me)
    {
        destination[0] = (byte)((17 << 3) | capability);
        destination[1] = (byte)(address >> 16);
        destination[2] = (byte)(address >> 8);
        destination[3] = (byte)address;
        for (var i = 0; i < 7; i++)
        {
            destination[4 + i] = (byte)(me >> (48 - (8 * i)));
        }

        var crc = Crc24.Compute(destination[..11]);
        destination[11] = (byte)(crc >> 16);
        destination[12] = (byte)(crc >> 8);
        destination[13] = (byte)crc;
        return 14;
    }

    private static int Surveillance(Span<byte> destination, int df, int flightStatus, int field13, int address)
    {
        destination[0] = (byte)((df << 3) | (flightStatus & 7));
        destination[1] = 0;
        destination[2] = (byte)((field13 >> 8) & 0x1F);
        destination[3] = (byte)field13;
        var ap = Crc24.Compute(destination[..4]) ^ (uint)address;
        destination[4] = (byte)(ap >> 16);
        destination[5] = (byte)(ap >> 8);
        destination[6] = (byte)ap;
        return 7;
    }
}
