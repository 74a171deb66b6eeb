using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>Where a coverage gap lies.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<GapKind>))]
public enum GapKind
{
    /// <summary>Between two consecutive reports: the reachable set is an ellipse with the reports as foci.</summary>
    BetweenReports,

    /// <summary>From the window's start to the first report: a circle around it.</summary>
    WindowStart,

    /// <summary>From the last report to the window's end: a circle around it.</summary>
    WindowEnd,

    /// <summary>The whole window, without any report.</summary>
    WholeWindow,
}
