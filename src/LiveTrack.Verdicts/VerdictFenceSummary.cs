using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>The fence's identity and provenance, as the verdict cites it.</summary>
/// <param name="Id">Fence id.</param>
/// <param name="Name">Fence name.</param>
/// <param name="Tags">Tags.</param>
/// <param name="FloorFeet">Floor, or null.</param>
/// <param name="CeilingFeet">Ceiling, or null.</param>
/// <param name="ToleranceNm">The fence's tolerance.</param>
/// <param name="Provenance">Where it came from.</param>
public sealed record VerdictFenceSummary(
    string Id,
    string Name,
    IReadOnlyList<string> Tags,
    int? FloorFeet,
    int? CeilingFeet,
    double ToleranceNm,
    FenceCitation Provenance);
