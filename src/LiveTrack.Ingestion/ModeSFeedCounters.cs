namespace LiveTrack.Ingestion;

/// <summary>Mode S decoding counters of a Beast or AVR feed, as shown by <c>GET /api/feeds</c>.</summary>
/// <param name="Messages">Mode S messages (7 or 14 bytes) handed to the decoder.</param>
/// <param name="Decoded">Messages with a trusted address.</param>
/// <param name="FramingErrors">Broken Beast frames and malformed AVR lines.</param>
/// <param name="CrcErrors">DF11/17/18 messages whose parity did not check (dropped, not corrected).</param>
/// <param name="UnknownAddress">Address/parity replies from addresses not seen in a reliable message.</param>
/// <param name="Unsupported">Downlink formats or DF18 sub-formats LiveTrack does not decode.</param>
/// <param name="CprGlobal">Positions resolved from an even/odd pair.</param>
/// <param name="CprLocal">Positions resolved from one message and the aircraft's last position.</param>
/// <param name="CprRejected">Pairs or messages whose position failed the zone, range or speed checks.</param>
/// <param name="TrackedAircraft">Aircraft the decoder holds CPR state for.</param>
public sealed record ModeSFeedCounters(
    long Messages,
    long Decoded,
    long FramingErrors,
    long CrcErrors,
    long UnknownAddress,
    long Unsupported,
    long CprGlobal,
    long CprLocal,
    long CprRejected,
    int TrackedAircraft);
