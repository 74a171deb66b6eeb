using LiveTrack.Import;

namespace LiveTrack.Server.History;

/// <summary>What an upload asked for: the reader's options and whether live alert rules see the result.</summary>
/// <param name="Name">The upload's name (format hint, name in samples).</param>
/// <param name="FormatName">The format parameter as given (<c>auto</c>, <c>trace</c>, …).</param>
/// <param name="Options">How to read it (format, feed, SBS offset).</param>
/// <param name="Alerts">Let the live alert rules see the imported events and squawk changes.</param>
/// <param name="Partial">Keep what precedes a file problem instead of failing the import.</param>
public sealed record ImportRequest(string Name, string FormatName, ImportOptions Options, bool Alerts, bool Partial);
