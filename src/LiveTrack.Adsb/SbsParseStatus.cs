namespace LiveTrack.Adsb;

/// <summary>Outcome of <see cref="SbsParser.TryParse(ReadOnlySpan{byte}, out SbsMessage, out string?)"/>.</summary>
public enum SbsParseStatus
{
    /// <summary>The line was a valid <c>MSG</c>/<c>MLAT</c> record; the message is populated.</summary>
    Message,

    /// <summary>
    /// The line was a well-known non-position record (<c>SEL</c>, <c>ID</c>, <c>AIR</c>, <c>STA</c>, <c>CLK</c>) that
    /// carries nothing we track; the message is <see langword="default"/> and the error is <see langword="null"/>.
    /// </summary>
    Skipped,

    /// <summary>The line could not be parsed; the error names the offending field.</summary>
    Malformed,
}
