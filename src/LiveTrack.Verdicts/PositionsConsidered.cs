namespace LiveTrack.Verdicts;

/// <summary>Which positions the verdict rests on.</summary>
/// <param name="Count">Positions within the window with valid coordinates.</param>
/// <param name="Rejected">Positions given but not considered (outside the window, or coordinates not valid).</param>
/// <param name="First">Time of the first one.</param>
/// <param name="Last">Time of the last one.</param>
/// <param name="BySource">How many of each position source.</param>
/// <param name="Feeds">The feeds that delivered them, in ordinal order.</param>
public sealed record PositionsConsidered(
    int Count,
    int Rejected,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyDictionary<string, int> BySource,
    IReadOnlyList<string> Feeds);
