namespace LiveTrack.Adsb;

/// <summary>The outcome of parsing one JSON snapshot document.</summary>
/// <param name="Now">The document's own time (readsb <c>now</c>, OpenSky <c>time</c>).</param>
/// <param name="Aircraft">Every valid aircraft entry, in document order.</param>
/// <param name="Malformed">Aircraft entries skipped as invalid.</param>
/// <param name="Errors">
/// Up to <see cref="MaxErrorSamples"/> sample messages naming the entry index and field, such as
/// <c>aircraft[3].lat: expected a number, got a string</c>.
/// </param>
public sealed record SnapshotParseResult(
    DateTimeOffset Now,
    IReadOnlyList<AircraftObservation> Aircraft,
    int Malformed,
    IReadOnlyList<string> Errors)
{
    /// <summary>The most error messages a result carries; <see cref="Malformed"/> counts them all.</summary>
    public const int MaxErrorSamples = 5;
}
