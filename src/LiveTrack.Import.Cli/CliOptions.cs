using System.Globalization;

namespace LiveTrack.Import.Cli;

/// <summary>The command line: <c>livetrack-import [options] &lt;path&gt;</c>.</summary>
/// <param name="Path">The source.</param>
/// <param name="Import">How to read it (format, feed, SBS offset, batch size).</param>
/// <param name="Quiet">No progress bar.</param>
/// <param name="Upload">Where to send it (<c>--server</c>); null to read it here and print the counts (dry run).</param>
internal sealed record CliOptions(string Path, ImportOptions Import, bool Quiet, UploadOptions? Upload = null)
{
    public const string Usage = """
        Usage: livetrack-import [options] <file | folder | archive>
               livetrack-import --server <url> [--api-key <key>] [options] <file | archive>

        Without --server: reads recorded flight data with its own timestamps here and prints what it found
        (a dry run: nothing is written anywhere). With --server: sends the file to the server's
        POST /api/imports (streamed, with a progress bar of the bytes sent), follows GET /api/imports/{id}
        and prints the server's summary; the server records it in its history and evaluates the fences.
        Formats (detected from the content): readsb/tar1090 trace_full/trace_recent (also gzip),
        aircraft.json snapshots (a folder, .zip or .tar.gz), SBS-1 logs, OpenSky REST JSON and CSV.

        Options:
          --server <url>            the LiveTrack server to import into, e.g. http://127.0.0.1:5080
          --api-key <key>           a writer's API key (default: the LIVETRACK_API_KEY environment variable)
          --alerts                  let the server's live alert rules fire for the imported data (default: off)
          --partial                 keep the records before a truncated or corrupt part instead of failing
          --format <auto|trace|aircraft-json|sbs|opensky-json|opensky-csv>   every file's format (default: auto)
          --feed <name>             the feed name the reports carry (default: import)
          --sbs-utc-offset <+hh:mm> the SBS lines' offset from UTC (default: +00:00; readsb writes UTC)
          --batch-size <n>          reports per batch (default: 4096)
          --quiet                   no progress bar
          --help                    this text

        Exit codes: 0 all read (imported); 3 read with file problems (see the summary); 1 nothing could be
        imported (the import failed); 2 usage; 4 the server could not be reached or refused the upload.
        """;

    /// <summary>Parses the arguments; null with <paramref name="error"/> on a usage error (or --help, error empty).</summary>
    public static CliOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var import = new ImportOptions();
        string? path = null;
        var quiet = false;
        var alerts = false;
        var partial = false;
        var feedGiven = false;
        string? server = null;
        var apiKey = Environment.GetEnvironmentVariable("LIVETRACK_API_KEY");
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                error = string.Empty;
                return null;
            }

            if (arg is "--quiet" or "--alerts" or "--partial")
            {
                quiet |= arg == "--quiet";
                alerts |= arg == "--alerts";
                partial |= arg == "--partial";
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
                        if (ImportFormatNames.Parse(value) is not { } format)
                        {
                            error = $"--format: '{value}' is not one of {ImportFormatNames.Expected}";
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
                        feedGiven = true;
                        break;
                    case "--server":
                        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                        {
                            error = $"--server: '{value}' is not an http:// or https:// address";
                            return null;
                        }

                        server = value;
                        break;
                    case "--api-key":
                        apiKey = value;
                        break;
                    case "--sbs-utc-offset":
                        if (!UtcOffsetText.TryParse(value, out var offset))
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

        if (server is null && (alerts || partial))
        {
            error = "--alerts and --partial need --server";
            return null;
        }

        error = null;
        var upload = server is null ? null : new UploadOptions(new Uri(server), string.IsNullOrEmpty(apiKey) ? null : apiKey, ImportFormatNames.NameOf(import.Format), alerts, partial, feedGiven ? import.Feed : null);
        return new CliOptions(path, import, quiet, upload);
    }
}
