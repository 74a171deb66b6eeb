using System.Globalization;

namespace LiveTrack.Identity;

/// <summary>
/// Address ranges that States reserve for their military aircraft inside their allocation blocks, as publicly
/// documented (national allocation plans and the ranges the open ADS-B decoders flag). Partial by nature: an air
/// force may register some aircraft in civil ranges, so an address outside these ranges is not proof of a civil
/// aircraft. Written as LiveTrack's own table.
/// </summary>
public static class MilitaryAddresses
{
    private const string Table = """
        ADF7C8 AFFFFF United States (DoD)
        010070 01008F Egypt
        33FF00 33FFFF Italy
        350000 37FFFF Spain
        3AA000 3AFFFF France
        3B7000 3BFFFF France
        3EA000 3EBFFF Germany
        3F4000 3FBFFF Germany
        43C000 43CFFF United Kingdom
        444000 446FFF Austria
        44F000 44FFFF Belgium
        45F400 45F4FF Denmark
        468000 4683FF Greece
        478100 4781FF Norway
        480000 480FFF Netherlands
        48D800 48D87F Poland
        497C00 497CFF Portugal
        498420 49842F Czechia
        4B7000 4B7FFF Switzerland
        4B8200 4B82FF Türkiye
        710258 71028F Saudi Arabia
        710380 71039F Saudi Arabia
        738A00 738AFF Israel
        7CF800 7CFAFF Australia
        800200 8002FF India
        C20000 C3FFFF Canada
        C87F00 C87FFF New Zealand
        E40000 E41FFF Brazil
        E80600 E806FF Chile
        """;

    private static readonly (int Start, int End, string Name)[] Ranges = Parse();

    /// <summary>True when the address lies in a known military range.</summary>
    public static bool IsMilitary(int address)
    {
        foreach (var (start, end, _) in Ranges)
        {
            if (address >= start && address <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ranges (for checks against the allocation table).</summary>
    internal static IReadOnlyList<(int Start, int End, string Name)> All => Ranges;

    private static (int, int, string)[] Parse() =>
        [.. Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 3))
            .Select(p => (int.Parse(p[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), int.Parse(p[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), p[2]))];
}
