using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>The kinds of evidence a verdict's reasons cite.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<VerdictEvidence>))]
public enum VerdictEvidence
{
    /// <summary>A report inside by more than its uncertainty (decides <c>entered</c>).</summary>
    ReportInside,

    /// <summary>A leg no longer than the gap threshold that goes inside by more than its uncertainty (decides <c>entered</c>).</summary>
    CrossingLeg,

    /// <summary>Every report and leg is outside by more than its uncertainty (half of <c>not-entered</c>).</summary>
    AllOutside,

    /// <summary>No coverage gap can hide an entry (the other half of <c>not-entered</c>).</summary>
    NoGapCanHideEntry,

    /// <summary>Reports neither inside nor outside by more than their uncertainty.</summary>
    ReportWithinUncertainty,

    /// <summary>A leg between reports comes within its uncertainty of the fence, or crosses it without getting deeper than that.</summary>
    LegWithinUncertainty,

    /// <summary>A coverage gap whose reachable set meets the fence.</summary>
    GapCanHideEntry,

    /// <summary>Reports near a 3D fence without an altitude.</summary>
    AltitudeUnknown,

    /// <summary>The window holds no position.</summary>
    NoPositions,
}
