using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace LiveTrack.Identity;

/// <summary>
/// Registration, type, description, operator and tags by ICAO address, read from community database files:
/// tar1090-db's <c>aircraft.csv</c> (semicolon-separated, optionally gzip-compressed, the file readsb and tar1090
/// use) and plane-alert-db's CSV files. Several files may be combined; a later file's non-empty fields are laid
/// over an earlier file's entry for the same address. Malformed rows are skipped and counted, never fatal.
/// </summary>
public sealed class AircraftDatabase
{
    private readonly Dictionary<int, AircraftRecord> entries;
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);

    private AircraftDatabase(Dictionary<int, AircraftRecord> entries, IReadOnlyList<AircraftDatabaseFile> files)
    {
        this.entries = entries;
        Files = files;
    }

    /// <summary>A database without entries.</summary>
    public static AircraftDatabase Empty { get; } = new([], []);

    /// <summary>What each file contributed.</summary>
    public IReadOnlyList<AircraftDatabaseFile> Files { get; }

    public int Count => entries.Count;

    public AircraftRecord? Find(int address) => entries.GetValueOrDefault(address);

    /// <summary>Reads the files in order (see the class remarks).</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static AircraftDatabase Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var database = new AircraftDatabase([], []);
        var files = new List<AircraftDatabaseFile>();
        foreach (var path in paths)
        {
            using var stream = File.OpenRead(path);
            using var text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8)
                : new StreamReader(stream, Encoding.UTF8);
            files.Add(database.Read(path, text));
        }

        return new AircraftDatabase(database.entries, files);
    }

    /// <summary>Reads one file's text (the layout is recognised from its first line).</summary>
    public static AircraftDatabase Parse(string name, TextReader text)
    {
        var database = new AircraftDatabase([], []);
        var file = database.Read(name, text);
        return new AircraftDatabase(database.entries, [file]);
    }

    private AircraftDatabaseFile Read(string path, TextReader text)
    {
        long rows = 0, added = 0, malformed = 0;
        var first = text.ReadLine();
        while (first is not null && first.Trim().Length == 0)
        {
            first = text.ReadLine();
        }

        var layout = first is not null && IsPlaneAlertHeader(first) ? AircraftDatabaseLayout.PlaneAlert : AircraftDatabaseLayout.Tar1090;
        PlaneAlertColumns? columns = layout == AircraftDatabaseLayout.PlaneAlert ? PlaneAlertColumns.FromHeader(SplitCsv(first!)!) : null;
        var line = layout == AircraftDatabaseLayout.PlaneAlert ? text.ReadLine() : first;
        for (; line is not null; line = text.ReadLine())
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            rows++;
            var parsed = layout == AircraftDatabaseLayout.Tar1090 ? ParseTar1090(line) : ParsePlaneAlert(line, columns!);
            if (parsed is not { } entry)
            {
                malformed++;
                continue;
            }

            entries[entry.Address] = entries.TryGetValue(entry.Address, out var existing) ? existing.Overlay(entry.Record) : entry.Record;
            added++;
        }

        return new AircraftDatabaseFile(path, layout, rows, added, malformed);
    }

    private (int Address, AircraftRecord Record)? ParseTar1090(string line)
    {
        var fields = line.Split(';');
        if (fields.Length < 5 || !TryAddress(fields[0], out var address))
        {
            return null;
        }

        // flags: a string of 0/1 characters, bit 0 military, 1 interesting, 2 PIA, 3 LADD.
        var flags = fields[3].Trim();
        if (flags.Any(c => c is not ('0' or '1')))
        {
            return null;
        }

        var tags = new List<string>(2);
        if (flags.Length > 1 && flags[1] == '1')
        {
            tags.Add("interesting");
        }

        if (flags.Length > 2 && flags[2] == '1')
        {
            tags.Add("PIA");
        }

        if (flags.Length > 3 && flags[3] == '1')
        {
            tags.Add("LADD");
        }

        return (address, new AircraftRecord
        {
            Registration = Text(fields[1]),
            TypeCode = Text(fields[2]),
            Military = flags.Length > 0 ? flags[0] == '1' : null,
            Description = Text(fields[4]),
            Operator = fields.Length > 6 ? Text(fields[6]) : null,
            Tags = tags,
        });
    }

    private (int Address, AircraftRecord Record)? ParsePlaneAlert(string line, PlaneAlertColumns columns)
    {
        if (SplitCsv(line) is not { } fields || fields.Count <= columns.Icao || !TryAddress(fields[columns.Icao], out var address))
        {
            return null;
        }

        string? Field(int index) => index >= 0 && index < fields.Count ? Text(fields[index]) : null;
        var tags = columns.Tags.Select(Field).Concat([Field(columns.Category)]).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var cmpg = Field(columns.Cmpg);
        return (address, new AircraftRecord
        {
            Registration = Field(columns.Registration),
            Operator = Field(columns.Operator),
            Description = Field(columns.Type),
            TypeCode = Field(columns.IcaoType),
            Military = cmpg is null ? null : cmpg.Equals("Mil", StringComparison.OrdinalIgnoreCase),
            Tags = tags,
        });
    }

    private static bool IsPlaneAlertHeader(string line)
    {
        var first = line.TrimStart('\uFEFF').Split(',')[0].Trim().Trim('"').TrimStart('$', '#');
        return first.Equals("ICAO", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryAddress(string text, out int address) =>
        int.TryParse(text.Trim().TrimStart('\uFEFF'), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
        && text.Trim().TrimStart('\uFEFF').Length == 6;

    private string? Text(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        // Types, descriptions and operators repeat across thousands of rows: keep one string of each.
        if (!strings.TryGetValue(trimmed, out var pooled))
        {
            strings[trimmed] = pooled = trimmed;
        }

        return pooled;
    }

    /// <summary>Splits one RFC 4180 CSV line; null when a quoted field is not closed.</summary>
    internal static List<string>? SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>Column positions of a plane-alert-db header (the <c>$</c>/<c>#</c> display markers are ignored).</summary>
    private sealed record PlaneAlertColumns(int Icao, int Registration, int Operator, int Type, int IcaoType, int Cmpg, int Category, int[] Tags)
    {
        public static PlaneAlertColumns FromHeader(List<string> header)
        {
            var names = header.Select(h => h.Trim().TrimStart('\uFEFF').TrimStart('$', '#').Trim()).ToList();
            int Index(string name) => names.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            var tags = names.Select((n, i) => (n, i)).Where(x => x.n.StartsWith("Tag", StringComparison.OrdinalIgnoreCase)).Select(x => x.i).ToArray();
            return new PlaneAlertColumns(Index("ICAO"), Index("Registration"), Index("Operator"), Index("Type"), Index("ICAO Type"), Index("CMPG"), Index("Category"), tags);
        }
    }
}
