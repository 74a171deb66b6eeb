using System.Globalization;

namespace LiveTrack.Import.Cli;

/// <summary>The command line: <c>livetrack-import [options] &lt;path&gt;</c>.</summary>
internal sealed record CliOptions(string Path, ImportOptions Import, bool Quiet)
{
    public const string Usage = """
        Usage: livetrack-import [options] <file | folder | archive>

        Reads recorded flight data with its own timestamps and prints what it found.
        Formats (detected from the content): readsb/tar1090 trace_full/trace_recent (also gzip),
        aircraft.json snapshots (a folder, .zip or .tar.gz), SBS-1 logs, OpenSky REST JSON and CSV.

        Options:
          --format <auto|trace|aircraft-json|sbs|opensky-json|opensky-csv>   every file's format (default: auto)
          --feed <name>             the feed name the reports carry (default: import)
          --sbs-utc-offset <+hh:mm> the SBS lines' offset from UTC (default: +00:00; readsb writes UTC)
          --batch-size <n>          reports per batch (default: 4096)
          --quiet                   no progress bar
          --help                    this text

        Exit codes: 0 all read; 3 read with file problems (see the summary); 1 nothing could be imported; 2 usage.
        """;

    /// <summary>Parses the arguments; null with <paramref name="error"/> on a usage error (or --help, error empty).</summary>
    public static CliOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var import = new ImportOptions();
        string? path = null;
        var quiet = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                error = string.Empty;
                return null;
            }

            if (arg == "--quiet")
            {
                quiet = true;
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{arg} needs a value";
                    return null;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--format":
                        if (ParseFormat(value) is not { } format)
                        {
                            error = $"--format: '{value}' is not one of auto, trace, aircraft-json, sbs, opensky-json, opensky-csv";
                            return null;
                        }

                        import = import with { Format = format };
                        break;
                    case "--feed":
                        if (string.IsNullOrWhiteSpace(value))
                        {
                            error = "--feed: the name is empty";
                            return null;
                        }

                        import = import with { Feed = value };
                        break;
                    case "--sbs-utc-offset":
                        if (!TryParseOffset(value, out var offset))
                        {
                            error = $"--sbs-utc-offset: '{value}' is not an offset between -14:00 and +14:00";
                            return null;
                        }

                        import = import with { SbsUtcOffset = offset };
                        break;
                    case "--batch-size":
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 1_000_000)
                        {
                            error = $"--batch-size: '{value}' is not a number between 1 and 1000000";
                            return null;
                        }

                        import = import with { BatchSize = size };
                        break;
                    default:
                        error = $"unknown option {arg}";
                        return null;
                }

                continue;
            }

            if (path is not null)
            {
                error = $"one source only: '{path}' and '{arg}'";
                return null;
            }

            path = arg;
        }

        if (path is null)
        {
            error = "no source given";
            return null;
        }

        error = null;
        return new CliOptions(path, import, quiet);
    }

    private static ImportFormat? ParseFormat(string value) => value switch
    {
        "auto" => ImportFormat.Auto,
        "trace" => ImportFormat.ReadsbTrace,
        "aircraft-json" => ImportFormat.AircraftJson,
        "sbs" => ImportFormat.Sbs,
        "opensky-json" => ImportFormat.OpenSkyStates,
        "opensky-csv" => ImportFormat.OpenSkyCsv,
        _ => null,
    };

    private static bool TryParseOffset(string value, out TimeSpan offset)
    {
        var negative = value.StartsWith('-');
        var text = value.TrimStart('+', '-');
        if (TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out offset) && offset <= TimeSpan.FromHours(14))
        {
            offset = negative ? -offset : offset;
            return true;
        }

        return false;
    }
}
