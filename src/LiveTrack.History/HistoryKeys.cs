using System.Globalization;

namespace LiveTrack.History;

/// <summary>
/// ICAO addresses as stores key them: the 24-bit address as an integer, with bit 24 set for readsb's non-ICAO
/// (<c>~</c>) addresses, so an aircraft's rows sort and compare as one small integer.
/// </summary>
public static class HistoryKeys
{
    private const int TildeFlag = 1 << 24;

    /// <summary>The key of a normalised address; throws for anything else.</summary>
    public static int ToKey(string icao)
    {
        ArgumentNullException.ThrowIfNull(icao);
        var tilde = icao.Length == 7 && icao[0] == '~';
        var hex = tilde ? icao.AsSpan(1) : icao.AsSpan();
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"'{icao}' is not a normalised ICAO address.", nameof(icao));
        }

        return tilde ? value | TildeFlag : value;
    }

    public static string FromKey(int key) =>
        (key & TildeFlag) != 0
            ? "~" + (key & 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture)
            : key.ToString("x6", CultureInfo.InvariantCulture);
}
