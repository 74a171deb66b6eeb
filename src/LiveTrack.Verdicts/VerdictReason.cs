namespace LiveTrack.Verdicts;

/// <summary>One piece of evidence behind the outcome.</summary>
/// <param name="Evidence">Its kind.</param>
/// <param name="Count">How many reports, legs or gaps show it.</param>
/// <param name="Time">When the first of them is (null for evidence about the whole window).</param>
/// <param name="Message">One sentence for people.</param>
public sealed record VerdictReason(VerdictEvidence Evidence, int Count, DateTimeOffset? Time, string Message);
