using System.Globalization;

namespace LiveTrack.Import;

/// <summary>
/// An offset from UTC as users write it for SBS logs (<c>sbsUtcOffset</c>, <c>--sbs-utc-offset</c>): <c>hh:mm</c> with
/// an optional sign, <c>+02:00</c>, <c>-05:30</c>, <c>00:00</c>, from -14:00 to +14:00 (the range of
/// <see cref="ImportOptions.SbsUtcOffset"/>).
/// </summary>
public static class UtcOffsetText
{
    private static readonly TimeSpan Limit = TimeSpan.FromHours(14);

    public static bool TryParse(string value, out TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(value);
        var negative = value.StartsWith('-');
        var text = negative || value.StartsWith('+') ? value[1..] : value;
        if (TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var parsed) && parsed <= Limit)
        {
            offset = negative ? -parsed : parsed;
            return true;
        }

        offset = TimeSpan.Zero;
        return false;
    }
}
