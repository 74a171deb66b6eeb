namespace LiveTrack.Import;

/// <summary>How many records (or files) were rejected or skipped for one reason, with a few examples.</summary>
/// <param name="Reason">A short, stable description, e.g. <c>SBS field 15 (latitude)</c> or <c>trace row: too few elements</c>.</param>
/// <param name="Count">How many times it happened.</param>
/// <param name="Samples">The first few occurrences, each naming the file and the record (line or row number).</param>
public sealed record ImportReasonCount(string Reason, long Count, IReadOnlyList<string> Samples);
