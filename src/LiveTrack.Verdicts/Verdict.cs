namespace LiveTrack.Verdicts;

/// <summary>
/// Whether one aircraft entered one fence in one window, with the evidence (see README, "Verdicts", for the rule).
/// </summary>
/// <param name="Outcome">Entered, not entered, or undetermined.</param>
/// <param name="Summary">One sentence in words.</param>
/// <param name="Reasons">The evidence that decides the outcome (or prevents a decision), strongest first.</param>
/// <param name="Icao">The aircraft's ICAO address, as given.</param>
/// <param name="Callsign">Its most frequent callsign in the window (ordinal order breaks ties), or null.</param>
/// <param name="Fence">The fence and its provenance.</param>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Positions">The positions considered.</param>
/// <param name="Crossings">Every crossing, in time order.</param>
/// <param name="InsideIntervals">The stretches inside, in time order.</param>
/// <param name="ClosestApproach">When the track never entered: its closest approach to the outline.</param>
/// <param name="VerticalApproach">When the track never entered a 3D fence: its closest approach to the altitude band near the outline.</param>
/// <param name="Gaps">Every coverage gap, in time order.</param>
/// <param name="Evaluated">Every position considered with what it shows (null when not asked for).</param>
public sealed record Verdict(
    VerdictOutcome Outcome,
    string Summary,
    IReadOnlyList<VerdictReason> Reasons,
    string? Icao,
    string? Callsign,
    VerdictFenceSummary Fence,
    DateTimeOffset From,
    DateTimeOffset To,
    VerdictParameters Parameters,
    PositionsConsidered Positions,
    IReadOnlyList<VerdictCrossing> Crossings,
    IReadOnlyList<InsideInterval> InsideIntervals,
    ClosestApproach? ClosestApproach,
    VerticalApproach? VerticalApproach,
    IReadOnlyList<CoverageGap> Gaps,
    IReadOnlyList<EvaluatedPosition>? Evaluated);
