namespace LiveTrack.ModeS;

/// <summary>
/// Stateless decoding of one Mode S message: parity, downlink format and the fields of DF0/4/5/11/16/17/18/20/21
/// (for DF17/18: identification and category, surface and airborne position, airborne velocity, aircraft status,
/// target state and status, operational status). Address/parity replies are returned with their recovered address;
/// whether to trust it (the address was seen in a reliable message) is <see cref="ModeSReceiver"/>'s decision.
/// </summary>
public static class ModeSDecoder
{
    private const string Charset = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";
    private static readonly string[] Categories = BuildCategories();

    /// <summary>Decodes the fields of a 7- or 14-byte message. Position fields stay raw CPR.</summary>
    /// <param name="data">The message bytes.</param>
    /// <param name="message">The decoded fields.</param>
    /// <param name="addressFromParity">True when <see cref="ModeSMessage.Address"/> was recovered from the AP field (to be confirmed).</param>
    public static ModeSDecodeStatus Decode(ReadOnlySpan<byte> data, out ModeSMessage message, out bool addressFromParity)
    {
        message = default;
        addressFromParity = false;
        if (data.Length < 7)
        {
            return ModeSDecodeStatus.NoAddress;
        }

        var df = data[0] >> 3;
        if (df > 24)
        {
            df = 24;
        }

        message.DownlinkFormat = df;
        var expected = df >= 16 ? 14 : 7;
        if (data.Length != expected)
        {
            return df is 0 or 4 or 5 or 11 or 16 or 17 or 18 or 20 or 21 ? ModeSDecodeStatus.NoAddress : ModeSDecodeStatus.Unsupported;
        }

        switch (df)
        {
            case 11:
            {
                // The parity is overlaid with the interrogator code: a residue below 0x80 is an intact message.
                if ((Crc24.Residue(data) & 0xFFFF80) != 0)
                {
                    return ModeSDecodeStatus.CrcError;
                }

                message.Address = Address(data);
                message.OnGround = Capability(data[0] & 7);
                return ModeSDecodeStatus.Decoded;
            }

            case 17 or 18:
            {
                if (Crc24.Residue(data) != 0)
                {
                    return ModeSDecodeStatus.CrcError;
                }

                message.Address = Address(data);
                message.Source = ModeSSource.Adsb;
                if (df == 17)
                {
                    message.OnGround = Capability(data[0] & 7);
                }
                else
                {
                    switch (data[0] & 7)
                    {
                        case 0:
                            break;
                        case 1:
                            message.NonIcaoAddress = true;
                            break;
                        case 2:
                            message.Source = ModeSSource.Tisb;
                            break;
                        case 5:
                            message.Source = ModeSSource.Tisb;
                            message.NonIcaoAddress = true;
                            break;
                        case 6:
                            message.Source = ModeSSource.Adsr;
                            break;
                        default:
                            // Coarse TIS-B, TIS-B management and reserved formats.
                            return ModeSDecodeStatus.Unsupported;
                    }
                }

                DecodeExtendedSquitter(ReadMe(data), ref message);
                return ModeSDecodeStatus.Decoded;
            }

            case 0 or 4 or 5 or 16 or 20 or 21:
            {
                message.Address = (int)Crc24.Residue(data);
                addressFromParity = true;
                var field13 = ((data[2] & 0x1F) << 8) | data[3];
                if (df is 0 or 16)
                {
                    // VS: 1 = on the ground.
                    message.OnGround = (data[0] & 0x04) != 0;
                }
                else
                {
                    FlightStatus(data[0] & 7, ref message);
                }

                if (df is 5 or 21)
                {
                    message.Squawk = ModeSCodes.Squawk(field13);
                    message.Emergency = IsEmergencySquawk(message.Squawk.Value);
                }
                else
                {
                    message.BarometricAltitudeFeet = ModeSCodes.Altitude13(field13);
                }

                if (df is 20 or 21)
                {
                    TryCommB(ReadMe(data), ref message);
                }

                return ModeSDecodeStatus.Decoded;
            }

            default:
                return ModeSDecodeStatus.Unsupported;
        }
    }

    /// <summary>True for the emergency codes 7500 (unlawful interference), 7600 (radio failure) and 7700 (emergency).</summary>
    public static bool IsEmergencySquawk(int squawk) => squawk is 7500 or 7600 or 7700;

    /// <summary>The text of packed identification characters, trailing spaces removed.</summary>
    public static string CallsignText(ulong bits)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < 8; i++)
        {
            chars[i] = Charset[(int)((bits >> (42 - (6 * i))) & 0x3F)];
        }

        return new string(chars.TrimEnd(' '));
    }

    private static void DecodeExtendedSquitter(ulong me, ref ModeSMessage message)
    {
        var tc = (int)(me >> 51);
        message.TypeCode = tc;
        switch (tc)
        {
            case >= 1 and <= 4:
                Identification(me, tc, ref message);
                break;
            case >= 5 and <= 8:
                SurfacePosition(me, ref message);
                break;
            case (>= 9 and <= 18) or (>= 20 and <= 22):
                AirbornePosition(me, tc, ref message);
                break;
            case 19:
                Velocity(me, ref message);
                break;
            case 28:
                AircraftStatus(me, ref message);
                break;
            case 29:
                TargetState(me, ref message);
                break;
            case 31:
                message.Subtype = Me(me, 6, 3);
                if (message.Subtype is 0 or 1)
                {
                    message.AdsbVersion = Me(me, 41, 3);
                }

                break;
        }
    }

    private static void Identification(ulong me, int tc, ref ModeSMessage message)
    {
        message.Category = Categories[((4 - tc) * 8) + Me(me, 6, 3)];
        SetCallsign(me & 0xFFFFFFFFFFFF, ref message);
    }

    private static void SetCallsign(ulong bits, ref ModeSMessage message)
    {
        for (var i = 0; i < 8; i++)
        {
            if (Charset[(int)((bits >> (42 - (6 * i))) & 0x3F)] == '#')
            {
                return;
            }
        }

        message.CallsignBits = bits;
        message.HasCallsign = true;
    }

    private static void SurfacePosition(ulong me, ref ModeSMessage message)
    {
        message.OnGround = true;
        message.Surface = true;
        var movement = Me(me, 6, 7);
        message.GroundSpeedKnots = movement switch
        {
            1 => 0,
            >= 2 and <= 8 => (movement - 1) * 0.125,
            >= 9 and <= 12 => 1 + ((movement - 9) * 0.25),
            >= 13 and <= 38 => 2 + ((movement - 13) * 0.5),
            >= 39 and <= 93 => 15 + (movement - 39),
            >= 94 and <= 108 => 70 + ((movement - 94) * 2),
            >= 109 and <= 123 => 100 + ((movement - 109) * 5),
            124 => 175,
            _ => null,
        };
        if (Me(me, 13, 1) == 1)
        {
            message.TrackDegrees = Me(me, 14, 7) * 360.0 / 128;
        }

        Cpr(me, ref message);
    }

    private static void AirbornePosition(ulong me, int tc, ref ModeSMessage message)
    {
        message.OnGround = false;
        var status = Me(me, 6, 2);
        if (status == 1)
        {
            message.Emergency = true;
        }

        message.Alert = status is 1 or 2;
        message.Spi = status == 3;
        var altitude = Me(me, 9, 12);
        if (tc >= 20)
        {
            message.GeometricAltitudeFeet = altitude == 0 ? null : (int)Math.Round(altitude * 3.28084);
        }
        else
        {
            message.BarometricAltitudeFeet = ModeSCodes.Altitude12(altitude);
        }

        Cpr(me, ref message);
    }

    private static void Cpr(ulong me, ref ModeSMessage message)
    {
        message.CprOdd = Me(me, 22, 1) == 1;
        message.CprLatitude = Me(me, 23, 17);
        message.CprLongitude = Me(me, 40, 17);
        message.HasCpr = true;
    }

    private static void Velocity(ulong me, ref ModeSMessage message)
    {
        var subtype = Me(me, 6, 3);
        message.Subtype = subtype;
        switch (subtype)
        {
            case 1 or 2:
            {
                var factor = subtype == 2 ? 4 : 1;
                var ew = Me(me, 15, 10);
                var ns = Me(me, 26, 10);
                if (ew != 0 && ns != 0)
                {
                    var vx = (ew - 1) * factor * (Me(me, 14, 1) == 1 ? -1 : 1);
                    var vy = (ns - 1) * factor * (Me(me, 25, 1) == 1 ? -1 : 1);
                    message.GroundSpeedKnots = Math.Sqrt((vx * vx) + (vy * vy));
                    var track = Math.Atan2(vx, vy) * 180 / Math.PI;
                    message.TrackDegrees = track < 0 ? track + 360 : track;
                }

                break;
            }

            case 3 or 4:
            {
                if (Me(me, 14, 1) == 1)
                {
                    message.HeadingDegrees = Me(me, 15, 10) * 360.0 / 1024;
                }

                var speed = Me(me, 26, 10);
                if (speed != 0)
                {
                    message.AirspeedKnots = (speed - 1) * (subtype == 4 ? 4 : 1);
                    message.TrueAirspeed = Me(me, 25, 1) == 1;
                }

                break;
            }

            default:
                return;
        }

        var rate = Me(me, 38, 9);
        if (rate != 0)
        {
            message.VerticalRateFeetPerMinute = (rate - 1) * 64 * (Me(me, 37, 1) == 1 ? -1 : 1);
            message.GeometricVerticalRate = Me(me, 36, 1) == 0;
        }

        var difference = Me(me, 50, 7);
        if (difference != 0)
        {
            message.GeometricMinusBarometricFeet = (difference - 1) * 25 * (Me(me, 49, 1) == 1 ? -1 : 1);
        }
    }

    private static void AircraftStatus(ulong me, ref ModeSMessage message)
    {
        message.Subtype = Me(me, 6, 3);
        if (message.Subtype != 1)
        {
            return;
        }

        var state = Me(me, 9, 3);
        message.EmergencyState = state;
        var code = Me(me, 12, 13);
        if (code != 0)
        {
            message.Squawk = ModeSCodes.Squawk(code);
        }

        message.Emergency = state != 0 || (message.Squawk is { } squawk && IsEmergencySquawk(squawk));
    }

    private static void TargetState(ulong me, ref ModeSMessage message)
    {
        message.Subtype = Me(me, 6, 2);
        if (message.Subtype != 1)
        {
            return;
        }

        var altitude = Me(me, 10, 11);
        if (altitude != 0)
        {
            message.SelectedAltitudeFeet = (altitude - 1) * 32;
        }

        var baro = Me(me, 21, 9);
        if (baro != 0)
        {
            message.BarometricSettingHectopascals = Math.Round(800 + ((baro - 1) * 0.8), 1);
        }

        if (Me(me, 30, 1) == 1)
        {
            message.SelectedHeadingDegrees = Me(me, 31, 9) * 180.0 / 256;
        }

        if (Me(me, 47, 1) == 1)
        {
            message.Autopilot = Me(me, 48, 1) == 1;
        }
    }

    private static void TryCommB(ulong mb, ref ModeSMessage message)
    {
        // BDS 2,0 (aircraft identification) is the only Comm-B register that announces itself.
        if (mb >> 48 == 0x20)
        {
            SetCallsign(mb & 0xFFFFFFFFFFFF, ref message);
        }
    }

    private static void FlightStatus(int fs, ref ModeSMessage message)
    {
        message.OnGround = fs switch
        {
            0 or 2 => false,
            1 or 3 => true,
            _ => null,
        };
        message.Alert = fs is 2 or 3 or 4;
        message.Spi = fs is 4 or 5;
    }

    private static bool? Capability(int ca) => ca switch
    {
        4 => true,
        5 => false,
        _ => null,
    };

    private static int Address(ReadOnlySpan<byte> data) => (data[1] << 16) | (data[2] << 8) | data[3];

    /// <summary>The 56 bits of ME/MB (bytes 4–10) in the low bits of a ulong.</summary>
    private static ulong ReadMe(ReadOnlySpan<byte> data) =>
        ((ulong)data[4] << 48) | ((ulong)data[5] << 40) | ((ulong)data[6] << 32) | ((ulong)data[7] << 24)
        | ((ulong)data[8] << 16) | ((ulong)data[9] << 8) | data[10];

    /// <summary>Bits <paramref name="first"/> (1 = the top bit of ME) to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    private static int Me(ulong me, int first, int count) => (int)((me >> (57 - first - count)) & ((1UL << count) - 1));

    private static string[] BuildCategories()
    {
        var categories = new string[32];
        for (var set = 0; set < 4; set++)
        {
            for (var ca = 0; ca < 8; ca++)
            {
                categories[(set * 8) + ca] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(char)('A' + set)}{ca}");
            }
        }

        return categories;
    }
}
