using System.Globalization;

namespace LiveTrack.Alerting;

/// <summary>
/// An inclusive range of 24-bit aircraft addresses: ICAO addresses, or (with <see cref="NonIcao"/>) the non-ICAO
/// addresses that feeds mark with <c>~</c> (TIS-B and MLAT tracks without an ICAO address). Written as
/// <c>ae01c5</c>, <c>ae0000-afffff</c> or <c>~1a2b3c</c>.
/// </summary>
public readonly record struct IcaoRange
{
    /// <summary>The largest 24-bit address.</summary>
    public const int MaxAddress = 0xFFFFFF;

    public IcaoRange(int low, int high, bool nonIcao = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(low);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(high, MaxAddress);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(low, high);
        Low = low;
        High = high;
        NonIcao = nonIcao;
    }

    public int Low { get; }
    public int High { get; }

    /// <summary>True for addresses written with a leading <c>~</c>.</summary>
    public bool NonIcao { get; }

    /// <summary>True when <paramref name="icao"/> (<c>ae01c5</c> or <c>~1a2b3c</c>, any case) is in the range.</summary>
    public bool Contains(string? icao) =>
        TryParseAddress(icao, out var address, out var nonIcao) && nonIcao == NonIcao && address >= Low && address <= High;

    /// <summary>
    /// Reads <c>ae01c5</c>, <c>~1a2b3c</c>, <c>ae0000-afffff</c> or <c>~100000-~1fffff</c> (hex digits in any case;
    /// both ends of a range are of the same kind). False when the text is none of those or a range starts above its end.
    /// </summary>
    public static bool TryParse(string? text, out IcaoRange range)
    {
        range = default;
        if (text is null)
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!TryParseAddress(text, out var address, out var nonIcao))
            {
                return false;
            }

            range = new IcaoRange(address, address, nonIcao);
            return true;
        }

        if (!TryParseAddress(text[..dash], out var low, out var lowNonIcao)
            || !TryParseAddress(text[(dash + 1)..], out var high, out var highNonIcao)
            || lowNonIcao != highNonIcao
            || low > high)
        {
            return false;
        }

        range = new IcaoRange(low, high, lowNonIcao);
        return true;
    }

    /// <summary>Lower-case, in the form <see cref="TryParse"/> reads.</summary>
    public override string ToString() =>
        NonIcao ? (Low == High ? Invariant($"~{Low:x6}") : Invariant($"~{Low:x6}-~{High:x6}"))
        : Low == High ? Invariant($"{Low:x6}") : Invariant($"{Low:x6}-{High:x6}");

    internal static bool TryParseAddress(string? icao, out int address, out bool nonIcao)
    {
        address = 0;
        nonIcao = icao is { Length: > 0 } && icao[0] == '~';
        return icao is not null && TryParseHex(nonIcao ? icao.AsSpan(1) : icao.AsSpan(), out address);
    }

    private static bool TryParseHex(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return text.Length == 6 && int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
