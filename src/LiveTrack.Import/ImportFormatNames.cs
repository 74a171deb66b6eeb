namespace LiveTrack.Import;

/// <summary>
/// The names of the import formats as users write them: the <c>format</c> parameter of <c>POST /api/imports</c> and
/// <c>livetrack-import --format</c> (one list, so the two never disagree).
/// </summary>
public static class ImportFormatNames
{
    private static readonly (string Name, ImportFormat Format)[] Names =
    [
        ("auto", ImportFormat.Auto),
        ("trace", ImportFormat.ReadsbTrace),
        ("aircraft-json", ImportFormat.AircraftJson),
        ("sbs", ImportFormat.Sbs),
        ("opensky-json", ImportFormat.OpenSkyStates),
        ("opensky-csv", ImportFormat.OpenSkyCsv),
    ];

    /// <summary>Every name, in the order they are documented: <c>auto, trace, aircraft-json, sbs, opensky-json, opensky-csv</c>.</summary>
    public static string Expected { get; } = string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The format a name stands for (exact, lower case); null for any other text.</summary>
    public static ImportFormat? Parse(string value)
    {
        foreach (var (name, format) in Names)
        {
            if (string.Equals(name, value, StringComparison.Ordinal))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>The name of a format (<see cref="Parse"/> reads it back).</summary>
    public static string NameOf(ImportFormat format)
    {
        foreach (var (name, candidate) in Names)
        {
            if (candidate == format)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, "Not an import format.");
    }
}
