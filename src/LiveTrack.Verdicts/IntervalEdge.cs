using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>What starts or ends an interval inside the fence.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<IntervalEdge>))]
public enum IntervalEdge
{
    /// <summary>A crossing.</summary>
    Crossing,

    /// <summary>The first position considered is inside.</summary>
    FirstReport,

    /// <summary>The last position considered is inside.</summary>
    LastReport,

    /// <summary>A coverage gap begins while inside (what happened during it is not known).</summary>
    GapStart,

    /// <summary>The first report after a coverage gap is inside.</summary>
    GapEnd,
}
