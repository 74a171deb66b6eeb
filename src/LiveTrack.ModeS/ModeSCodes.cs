namespace LiveTrack.ModeS;

/// <summary>
/// The altitude and identity codes of Mode S replies: the 13-bit AC field (DF0/4/16/20), the 12-bit ADS-B altitude
/// (DF17/18 airborne position) and the 13-bit ID field (DF5/21, Mode A code). Both altitude fields come as
/// 25-ft increments (Q bit set) or as the Gillham (Mode C) code in 100-ft increments.
/// </summary>
public static class ModeSCodes
{
    private static readonly string[] SquawkTexts = BuildSquawkTexts();

    /// <summary>
    /// Decodes a 13-bit AC field (bit 7 from the top is M, bit 9 is Q). Null for "no altitude" (all zero), metric
    /// altitudes (M set) and invalid Gillham codes.
    /// </summary>
    public static int? Altitude13(int ac13)
    {
        if ((ac13 & 0x1FFF) == 0 || (ac13 & 0x0040) != 0)
        {
            return null;
        }

        if ((ac13 & 0x0010) != 0)
        {
            // Q = 1: remove M (0x40) and Q (0x10), 11 bits of 25 ft from -1000 ft.
            var n = ((ac13 & 0x1F80) >> 2) | ((ac13 & 0x0020) >> 1) | (ac13 & 0x000F);
            return (n * 25) - 1000;
        }

        return Gillham(ac13);
    }

    /// <summary>Decodes the 12-bit altitude of an ADS-B airborne position (the AC field without its M bit).</summary>
    public static int? Altitude12(int ac12)
    {
        // Re-insert a zero M bit between bit 6 and bit 5 from the top to get the 13-bit layout.
        var ac13 = ((ac12 & 0x0FC0) << 1) | (ac12 & 0x003F);
        return Altitude13(ac13);
    }

    /// <summary>
    /// The Mode A code of a 13-bit ID field, as its four octal digits read as a decimal number (squawk 7700 is
    /// <c>7700</c>). The field interleaves the pulses as C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4.
    /// </summary>
    public static int Squawk(int id13)
    {
        var (a, b, c, d) = Pulses(id13);
        return (a * 1000) + (b * 100) + (c * 10) + d;
    }

    /// <summary>The squawk as its four-digit text (cached: no allocation).</summary>
    public static string SquawkText(int squawk)
    {
        var a = squawk / 1000 % 10;
        var b = squawk / 100 % 10;
        var c = squawk / 10 % 10;
        var d = squawk % 10;
        return (a | b | c | d) > 7 ? squawk.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : SquawkTexts[(a << 9) | (b << 6) | (c << 3) | d];
    }

    /// <summary>The ID field encoding of a squawk (the inverse of <see cref="Squawk"/>).</summary>
    public static int EncodeSquawk(int squawk)
    {
        int a = squawk / 1000 % 10, b = squawk / 100 % 10, c = squawk / 10 % 10, d = squawk % 10;
        var id = 0;
        Set(ref id, 12, c & 1); Set(ref id, 11, a & 1); Set(ref id, 10, (c >> 1) & 1); Set(ref id, 9, (a >> 1) & 1);
        Set(ref id, 8, (c >> 2) & 1); Set(ref id, 7, (a >> 2) & 1); Set(ref id, 5, b & 1); Set(ref id, 4, d & 1);
        Set(ref id, 3, (b >> 1) & 1); Set(ref id, 2, (d >> 1) & 1); Set(ref id, 1, (b >> 2) & 1); Set(ref id, 0, (d >> 2) & 1);
        return id;

        static void Set(ref int value, int bit, int on) => value |= on << bit;
    }

    /// <summary>The 12-bit ADS-B altitude field for a barometric altitude in 25-ft steps (Q = 1).</summary>
    public static int EncodeAltitude12(int feet)
    {
        var n = Math.Clamp((int)Math.Round((feet + 1000) / 25.0), 0, 0x7FF);
        // Eleven bits with Q (0x10) inserted after the top seven.
        return ((n & 0x7F0) << 1) | 0x10 | (n & 0x0F);
    }

    /// <summary>
    /// The Gillham (Mode C) altitude of a 13-bit AC field with Q = 0: the D2 D4 A1 A2 A4 B1 B2 B4 pulses are a Gray
    /// code of 500-ft steps, C1 C2 C4 a reflected 5-step Gray code of 100-ft steps; -1200 ft is the lowest altitude.
    /// </summary>
    internal static int? Gillham(int ac13)
    {
        // The AC field puts the M and Q bits where the ID field has X and D1; the pulse positions are the same.
        var (a, b, c, d) = Pulses(ac13 & ~0x0050);
        // 500-ft Gray code, most significant first: D2 D4 A1 A2 A4 B1 B2 B4 (D1 is not transmitted).
        var gray500 = ((d >> 1) & 1) << 7 | ((d >> 2) & 1) << 6 | (a & 1) << 5 | ((a >> 1) & 1) << 4 | ((a >> 2) & 1) << 3
            | (b & 1) << 2 | ((b >> 1) & 1) << 1 | ((b >> 2) & 1);
        var fiveHundreds = FromGray(gray500);

        // 100-ft code C1 C2 C4, Gray-decoded: 1..5 valid once 7 is read as 5.
        var gray100 = (c & 1) << 2 | ((c >> 1) & 1) << 1 | ((c >> 2) & 1);
        var oneHundreds = FromGray(gray100);
        if (oneHundreds == 7)
        {
            oneHundreds = 5;
        }
        else if (oneHundreds is 0 or 5 or 6)
        {
            return null;
        }

        if ((fiveHundreds & 1) != 0)
        {
            oneHundreds = 6 - oneHundreds;
        }

        return (fiveHundreds * 500) + (oneHundreds * 100) - 1300;
    }

    /// <summary>The Mode A pulse groups A, B, C, D (each bit 0 = x1, bit 1 = x2, bit 2 = x4) of a 13-bit field.</summary>
    private static (int A, int B, int C, int D) Pulses(int field)
    {
        int Bit(int n) => (field >> n) & 1;
        var c = Bit(12) | (Bit(10) << 1) | (Bit(8) << 2);
        var a = Bit(11) | (Bit(9) << 1) | (Bit(7) << 2);
        var b = Bit(5) | (Bit(3) << 1) | (Bit(1) << 2);
        var d = Bit(4) | (Bit(2) << 1) | (Bit(0) << 2);
        return (a, b, c, d);
    }

    private static int FromGray(int gray)
    {
        var value = gray;
        for (var shift = gray >> 1; shift != 0; shift >>= 1)
        {
            value ^= shift;
        }

        return value;
    }

    private static string[] BuildSquawkTexts()
    {
        var texts = new string[4096];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i >> 9}{(i >> 6) & 7}{(i >> 3) & 7}{i & 7}");
        }

        return texts;
    }
}
