using System.Globalization;
using System.Text;

namespace LiveTrack.Import.Cli;

/// <summary>The progress bar and the summary, as text.</summary>
internal static class ConsoleReport
{
    private const int BarWidth = 30;

    /// <summary>One line: bar (when the size is known), records, rate, aircraft, time reached.</summary>
    public static string ProgressLine(ImportProgress p, TimeSpan elapsed)
    {
        var line = new StringBuilder();
        if (p.TotalBytes is > 0 and var total)
        {
            var fraction = Math.Clamp((double)p.BytesRead / total, 0, 1);
            var filled = (int)Math.Round(fraction * BarWidth);
            line.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append("] ");
            line.Append(CultureInfo.InvariantCulture, $"{fraction * 100,5:0.0}%  ");
        }

        var rate = elapsed > TimeSpan.Zero ? p.RecordsRead / elapsed.TotalSeconds : 0;
        line.Append(CultureInfo.InvariantCulture, $"{p.RecordsRead:N0} records ({rate:N0}/s), {p.RecordsRejected:N0} rejected, {p.Aircraft:N0} aircraft");
        if (p.LastTimestamp is { } last)
        {
            line.Append(CultureInfo.InvariantCulture, $", up to {last.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        }

        return line.ToString();
    }

    public static string Summary(ImportProgress p, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var formats = string.Join(", ", p.Formats.OrderBy(f => f.Key).Select(f => $"{FormatName(f.Key)} {f.Value}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Source:     {p.Source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Files:      {p.Files:N0}{(formats.Length > 0 ? $" ({formats})" : string.Empty)}, {p.FilesWithProblems:N0} with problems");
        text.AppendLine(CultureInfo.InvariantCulture, $"Records:    {p.RecordsRead:N0} read: {p.RecordsAccepted:N0} accepted, {p.RecordsRejected:N0} rejected, {p.RecordsSkipped:N0} skipped");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reports:    {p.ReportsWritten:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Aircraft:   {p.Aircraft:N0}");
        if (p.FirstTimestamp is { } first && p.LastTimestamp is { } last)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Time span:  {first.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z to {last.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z ({Duration(last - first)})");
        }
        else
        {
            text.AppendLine("Time span:  none (no reports)");
        }

        var rate = elapsed > TimeSpan.Zero ? p.RecordsRead / elapsed.TotalSeconds : 0;
        text.AppendLine(CultureInfo.InvariantCulture, $"Took:       {elapsed.TotalSeconds:0.0} s ({rate:N0} records/s)");
        Reasons(text, "Rejected", p.Rejections);
        Reasons(text, "Skipped", p.Skips);
        Reasons(text, "File problems", p.FileProblems);
        return text.ToString();
    }

    private static void Reasons(StringBuilder text, string title, IReadOnlyList<ImportReasonCount> reasons)
    {
        if (reasons.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        foreach (var reason in reasons)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {reason.Count,10:N0}  {reason.Reason}");
            foreach (var sample in reason.Samples)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"              e.g. {sample}");
            }
        }
    }

    private static string FormatName(ImportFormat format) => format switch
    {
        ImportFormat.ReadsbTrace => "trace",
        ImportFormat.AircraftJson => "aircraft.json",
        ImportFormat.Sbs => "SBS",
        ImportFormat.OpenSkyStates => "OpenSky JSON",
        ImportFormat.OpenSkyCsv => "OpenSky CSV",
        _ => format.ToString(),
    };

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m {span.Seconds:00}s");
}
