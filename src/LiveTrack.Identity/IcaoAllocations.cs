using System.Globalization;

namespace LiveTrack.Identity;

/// <summary>
/// The allocation of ICAO 24-bit aircraft addresses to States (ICAO Annex 10 Vol. III, Part I, Chapter 9,
/// Table 9-1): each State registers its aircraft within its own block, so an address tells the country of
/// registration. Written as LiveTrack's own table from the Annex's allocation facts.
/// </summary>
public static class IcaoAllocations
{
    // start end ISO-3166 name ("--" for ICAO's own blocks). Blocks do not overlap; sorted at load.
    private const string Table = """
        004000 0043FF ZW Zimbabwe
        006000 006FFF MZ Mozambique
        008000 00FFFF ZA South Africa
        010000 017FFF EG Egypt
        018000 01FFFF LY Libya
        020000 027FFF MA Morocco
        028000 02FFFF TN Tunisia
        030000 0303FF BW Botswana
        032000 032FFF BI Burundi
        034000 034FFF CM Cameroon
        035000 0353FF KM Comoros
        036000 036FFF CG Congo
        038000 038FFF CI Côte d'Ivoire
        03E000 03EFFF GA Gabon
        040000 040FFF ET Ethiopia
        042000 042FFF GQ Equatorial Guinea
        044000 044FFF GH Ghana
        046000 046FFF GN Guinea
        048000 0483FF GW Guinea-Bissau
        04A000 04A3FF LS Lesotho
        04C000 04CFFF KE Kenya
        050000 050FFF LR Liberia
        054000 054FFF MG Madagascar
        058000 058FFF MW Malawi
        05A000 05A3FF MV Maldives
        05C000 05CFFF ML Mali
        05E000 05E3FF MR Mauritania
        060000 0603FF MU Mauritius
        062000 062FFF NE Niger
        064000 064FFF NG Nigeria
        068000 068FFF UG Uganda
        06A000 06A3FF QA Qatar
        06C000 06CFFF CF Central African Republic
        06E000 06EFFF RW Rwanda
        070000 070FFF SN Senegal
        074000 0743FF SC Seychelles
        076000 0763FF SL Sierra Leone
        078000 078FFF SO Somalia
        07A000 07A3FF SZ Eswatini
        07C000 07CFFF SD Sudan
        080000 080FFF TZ Tanzania
        084000 084FFF TD Chad
        088000 088FFF TG Togo
        08A000 08AFFF ZM Zambia
        08C000 08CFFF CD DR Congo
        090000 090FFF AO Angola
        094000 0943FF BJ Benin
        096000 0963FF CV Cabo Verde
        098000 0983FF DJ Djibouti
        09A000 09AFFF GM Gambia
        09C000 09CFFF BF Burkina Faso
        09E000 09E3FF ST São Tomé and Príncipe
        0A0000 0A7FFF DZ Algeria
        0A8000 0A8FFF BS Bahamas
        0AA000 0AA3FF BB Barbados
        0AB000 0AB3FF BZ Belize
        0AC000 0ACFFF CO Colombia
        0AE000 0AEFFF CR Costa Rica
        0B0000 0B0FFF CU Cuba
        0B2000 0B2FFF SV El Salvador
        0B4000 0B4FFF GT Guatemala
        0B6000 0B6FFF GY Guyana
        0B8000 0B8FFF HT Haiti
        0BA000 0BAFFF HN Honduras
        0BC000 0BC3FF VC Saint Vincent and the Grenadines
        0BE000 0BEFFF JM Jamaica
        0C0000 0C0FFF NI Nicaragua
        0C2000 0C2FFF PA Panama
        0C4000 0C4FFF DO Dominican Republic
        0C6000 0C6FFF TT Trinidad and Tobago
        0C8000 0C8FFF SR Suriname
        0CA000 0CA3FF AG Antigua and Barbuda
        0CC000 0CC3FF GD Grenada
        0D0000 0D7FFF MX Mexico
        0D8000 0DFFFF VE Venezuela
        100000 1FFFFF RU Russia
        201000 2013FF NA Namibia
        202000 2023FF ER Eritrea
        300000 33FFFF IT Italy
        340000 37FFFF ES Spain
        380000 3BFFFF FR France
        3C0000 3FFFFF DE Germany
        400000 43FFFF GB United Kingdom
        440000 447FFF AT Austria
        448000 44FFFF BE Belgium
        450000 457FFF BG Bulgaria
        458000 45FFFF DK Denmark
        460000 467FFF FI Finland
        468000 46FFFF GR Greece
        470000 477FFF HU Hungary
        478000 47FFFF NO Norway
        480000 487FFF NL Netherlands
        488000 48FFFF PL Poland
        490000 497FFF PT Portugal
        498000 49FFFF CZ Czechia
        4A0000 4A7FFF RO Romania
        4A8000 4AFFFF SE Sweden
        4B0000 4B7FFF CH Switzerland
        4B8000 4BFFFF TR Türkiye
        4C0000 4C7FFF RS Serbia
        4C8000 4C83FF CY Cyprus
        4CA000 4CAFFF IE Ireland
        4CC000 4CCFFF IS Iceland
        4D0000 4D03FF LU Luxembourg
        4D2000 4D23FF MT Malta
        4D4000 4D43FF MC Monaco
        500000 5003FF SM San Marino
        501000 5013FF AL Albania
        501C00 501FFF HR Croatia
        502C00 502FFF LV Latvia
        503C00 503FFF LT Lithuania
        504C00 504FFF MD Moldova
        505C00 505FFF SK Slovakia
        506C00 506FFF SI Slovenia
        507C00 507FFF UZ Uzbekistan
        508000 50FFFF UA Ukraine
        510000 5103FF BY Belarus
        511000 5113FF EE Estonia
        512000 5123FF MK North Macedonia
        513000 5133FF BA Bosnia and Herzegovina
        514000 5143FF GE Georgia
        515000 5153FF TJ Tajikistan
        516000 5163FF ME Montenegro
        600000 6003FF AM Armenia
        600800 600BFF AZ Azerbaijan
        601000 6013FF KG Kyrgyzstan
        601800 601BFF TM Turkmenistan
        680000 6803FF BT Bhutan
        681000 6813FF FM Micronesia
        682000 6823FF MN Mongolia
        683000 6833FF KZ Kazakhstan
        684000 6843FF PW Palau
        700000 700FFF AF Afghanistan
        702000 702FFF BD Bangladesh
        704000 704FFF MM Myanmar
        706000 706FFF KW Kuwait
        708000 708FFF LA Laos
        70A000 70AFFF NP Nepal
        70C000 70C3FF OM Oman
        70E000 70EFFF KH Cambodia
        710000 717FFF SA Saudi Arabia
        718000 71FFFF KR South Korea
        720000 727FFF KP North Korea
        728000 72FFFF IQ Iraq
        730000 737FFF IR Iran
        738000 73FFFF IL Israel
        740000 747FFF JO Jordan
        748000 74FFFF LB Lebanon
        750000 757FFF MY Malaysia
        758000 75FFFF PH Philippines
        760000 767FFF PK Pakistan
        768000 76FFFF SG Singapore
        770000 777FFF LK Sri Lanka
        778000 77FFFF SY Syria
        780000 7BFFFF CN China
        7C0000 7FFFFF AU Australia
        800000 83FFFF IN India
        840000 87FFFF JP Japan
        880000 887FFF TH Thailand
        888000 88FFFF VN Viet Nam
        890000 890FFF YE Yemen
        894000 894FFF BH Bahrain
        895000 8953FF BN Brunei
        896000 896FFF AE United Arab Emirates
        897000 8973FF SB Solomon Islands
        898000 898FFF PG Papua New Guinea
        899000 8993FF TW Taiwan
        8A0000 8A7FFF ID Indonesia
        900000 9003FF MH Marshall Islands
        901000 9013FF CK Cook Islands
        902000 9023FF WS Samoa
        A00000 AFFFFF US United States
        C00000 C3FFFF CA Canada
        C80000 C87FFF NZ New Zealand
        C88000 C88FFF FJ Fiji
        C8A000 C8A3FF NR Nauru
        C8C000 C8C3FF LC Saint Lucia
        C8D000 C8D3FF TO Tonga
        C8E000 C8E3FF KI Kiribati
        C90000 C903FF VU Vanuatu
        E00000 E3FFFF AR Argentina
        E40000 E7FFFF BR Brazil
        E80000 E80FFF CL Chile
        E84000 E84FFF EC Ecuador
        E88000 E88FFF PY Paraguay
        E8C000 E8CFFF PE Peru
        E90000 E90FFF UY Uruguay
        E94000 E94FFF BO Bolivia
        F00000 F07FFF -- ICAO (temporary addresses)
        F09000 F093FF -- ICAO (special use)
        """;

    private static readonly Block[] Blocks = Parse(Table);

    /// <summary>All blocks, sorted by start address.</summary>
    public static IReadOnlyList<Block> All => Blocks;

    /// <summary>The block an address belongs to, or null for unallocated addresses.</summary>
    public static Block? Find(int address)
    {
        int lo = 0, hi = Blocks.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var block = Blocks[mid];
            if (address < block.Start)
            {
                hi = mid - 1;
            }
            else if (address > block.End)
            {
                lo = mid + 1;
            }
            else
            {
                return block;
            }
        }

        return null;
    }

    internal static Block[] Parse(string table)
    {
        var blocks = new List<Block>();
        foreach (var raw in table.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', 4);
            var code = parts[2] == "--" ? null : parts[2];
            blocks.Add(new Block(
                int.Parse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                int.Parse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                code,
                parts[3]));
        }

        blocks.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Start <= blocks[i - 1].End)
            {
                throw new InvalidOperationException($"Address blocks {blocks[i - 1].Name} and {blocks[i].Name} overlap.");
            }
        }

        return [.. blocks];
    }

    /// <summary>One allocated block of addresses.</summary>
    /// <param name="Start">First address.</param>
    /// <param name="End">Last address.</param>
    /// <param name="CountryCode">ISO 3166-1 alpha-2 code; null for ICAO's own blocks.</param>
    /// <param name="Name">Country (or ICAO block) name.</param>
    public sealed record Block(int Start, int End, string? CountryCode, string Name);
}
