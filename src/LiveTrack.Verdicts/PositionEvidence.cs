using System.Text.Json.Serialization;

namespace LiveTrack.Verdicts;

/// <summary>What one report shows on its own.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PositionEvidence>))]
public enum PositionEvidence
{
    /// <summary>Inside by more than its uncertainty (horizontally, and vertically for a 3D fence).</summary>
    Inside,

    /// <summary>Outside by more than its uncertainty (horizontally, or vertically for a 3D fence).</summary>
    Outside,

    /// <summary>Neither.</summary>
    Uncertain,
}
