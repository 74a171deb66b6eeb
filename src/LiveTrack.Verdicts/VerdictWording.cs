using System.Globalization;
using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>The verdict's sentences (invariant culture; times in UTC with a trailing Z).</summary>
internal sealed class VerdictWording(string? who, VerdictFence fence, DateTimeOffset from, DateTimeOffset to)
{
    private readonly bool oneDay = from.UtcDateTime.Date == to.UtcDateTime.Date;

    private string Who => who ?? "The aircraft";

    private string FenceText => fence.Provenance.Describe() is { } p ? $"{fence.Definition.Name} ({p})" : fence.Definition.Name;

    public string Summary(
        VerdictOutcome outcome,
        List<(VerdictEvidence Kind, VerdictReason Reason)> reasons,
        (VerdictReport Report, double Depth)? firstInside,
        VerdictCrossing? decisive,
        ClosestApproach? closest,
        VerticalApproach? vertical)
    {
        switch (outcome)
        {
            case VerdictOutcome.Entered when decisive is not null && (firstInside is null || decisive.Time <= firstInside.Value.Report.Time):
                return F($"{Who} entered {FenceText}: crossed its {Boundary(decisive.Boundary)} at {Time(decisive.Time)}, on a {Duration(decisive.LegSeconds)} leg between reports that goes inside by more than its uncertainty of {Nm(Math.Max(decisive.Before.UncertaintyNm, decisive.After.UncertaintyNm))} nm");
            case VerdictOutcome.Entered:
                var (report, depth) = firstInside!.Value;
                return F($"{Who} entered {FenceText}: {Nm(depth)} nm inside at {Time(report.Time)} ({SourceName(report.Source)} report, uncertainty {Nm(report.UncertaintyNm)} nm)");
            case VerdictOutcome.NotEntered:
                if (closest is { DistanceNm: > 0 } c && (vertical is null || c.MarginNm > 0))
                {
                    var text = F($"{Who} stayed outside {FenceText}: closest approach {Nm(c.DistanceNm)} nm outside at {Time(c.Time)}");
                    return vertical is { } v ? text + F($"; over or near its outline at least {v.ClearanceFeet:N0} ft {Below(v.Limit)}") : text;
                }

                if (vertical is { } va)
                {
                    return F($"{Who} stayed outside {FenceText}: over or near its outline it stayed {va.ClearanceFeet:N0} ft {Below(va.Limit)} (closest at {Time(va.Report.Time)})");
                }

                return $"{Who} stayed outside {FenceText}";
            default:
                var why = string.Join("; ", reasons.Select(r => Lower(r.Reason.Message.TrimEnd('.'))));
                var tail = closest is { } ca
                    ? F($"; closest approach {Nm(Math.Abs(ca.DistanceNm))} nm {(ca.DistanceNm >= 0 ? "outside" : "inside")} at {Time(ca.Time)}")
                    : "";
                return $"Whether {Lower(Who)} entered {FenceText} cannot be decided: {why}{tail}";
        }
    }

    public string ReportsInside(int count, DateTimeOffset time, double depth, double uncertainty) => count == 1
        ? F($"A report at {Time(time)} is {Nm(depth)} nm inside, more than its uncertainty of {Nm(uncertainty)} nm.")
        : F($"{count} reports are inside by more than their uncertainty; the first at {Time(time)} is {Nm(depth)} nm inside (uncertainty {Nm(uncertainty)} nm).");

    public string DecisiveLegs(int count, VerdictCrossing first) => count == 1
        ? F($"The {Duration(first.LegSeconds)} leg between the reports at {Time(first.Before.Time)} and {Time(first.After.Time)} crosses the {Boundary(first.Boundary)} at {Time(first.Time)} and goes inside by more than its uncertainty.")
        : F($"{count} legs between reports go inside by more than their uncertainty; the first crosses the {Boundary(first.Boundary)} at {Time(first.Time)}.");

    public string ReportsNear(int count, DateTimeOffset time, double signed, double uncertainty, bool laterallyInside)
    {
        var where = signed >= 0 ? "outside" : "inside";
        var what = F($"{Nm(Math.Abs(signed))} nm {where} the outline, within its uncertainty of {Nm(uncertainty)} nm");
        if (laterallyInside)
        {
            what = "within the altitude uncertainty of a floor or ceiling";
        }

        return count == 1
            ? F($"The report at {Time(time)} is {what}.")
            : F($"{count} reports are within their uncertainty of the fence; the first, at {Time(time)}, is {what}.");
    }

    public string NoAltitude(int count, DateTimeOffset time) => count == 1
        ? F($"The report at {Time(time)} over or near the outline has no altitude, and the fence has a floor or ceiling.")
        : F($"{count} reports over or near the outline have no altitude (the first at {Time(time)}), and the fence has a floor or ceiling.");

    public string LegsNear(int count, DateTimeOffset time) => count == 1
        ? F($"The leg between reports at {Time(time)} comes within its uncertainty of the fence.")
        : F($"{count} legs between reports come within their uncertainty of the fence (the first at {Time(time)}).");

    public string Gaps(int count, CoverageGap first) => count == 1
        ? F($"A {Duration(first.Seconds)} coverage gap from {Time(first.From)} could hide an entry.")
        : F($"{count} coverage gaps could hide an entry; the first is {Duration(first.Seconds)} from {Time(first.From)}.");

    public static string AllOutside(int count) => count == 1
        ? "The only report is outside by more than its uncertainty."
        : F($"All {count} reports, and the legs between them, are outside by more than their uncertainty.");

    public static string NoGapHides(int count) => count switch
    {
        0 => "There is no coverage gap.",
        1 => "The one coverage gap cannot hide an entry: its reachable area does not meet the fence.",
        _ => F($"None of the {count} coverage gaps can hide an entry: their reachable areas do not meet the fence."),
    };

    private string Time(DateTimeOffset time) => time.UtcDateTime.ToString(oneDay ? "HH:mm:ss'Z'" : "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Nm(double value) => Math.Abs(value) >= 0.95
        ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Duration(double seconds)
    {
        var s = (long)Math.Round(seconds);
        return s switch
        {
            < 60 => F($"{s} s"),
            < 3600 => s % 60 == 0 ? F($"{s / 60} min") : F($"{s / 60} min {s % 60} s"),
            _ => s / 60 % 60 == 0 ? F($"{s / 3600} h") : F($"{s / 3600} h {s / 60 % 60} min"),
        };
    }

    private static string Boundary(GeofenceBoundary boundary) => boundary switch
    {
        GeofenceBoundary.Floor => "floor",
        GeofenceBoundary.Ceiling => "ceiling",
        GeofenceBoundary.AltitudeUnknown => "altitude band",
        _ => "outline",
    };

    private static string Below(AltitudeLimit limit) => limit == AltitudeLimit.Floor ? "below its floor" : "above its ceiling";

    private static string SourceName(VerdictPositionSource source) => source switch
    {
        VerdictPositionSource.Adsb => "ADS-B",
        VerdictPositionSource.Mlat => "MLAT",
        VerdictPositionSource.Tisb => "TIS-B",
        VerdictPositionSource.Adsr => "ADS-R",
        VerdictPositionSource.Other => "other",
        _ => "unknown-source",
    };

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
