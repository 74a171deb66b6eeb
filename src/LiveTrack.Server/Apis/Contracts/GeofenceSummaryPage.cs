namespace LiveTrack.Server.Apis.Contracts;

/// <summary>A page of fence summaries; <c>next</c> is the cursor of the following page, null on the last.</summary>
public sealed record GeofenceSummaryPage(IEnumerable<GeofenceSummary> Fences, string? Next);
