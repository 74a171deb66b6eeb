namespace LiveTrack.ModeS;

/// <summary>What one <see cref="ModeSReceiver"/> has seen, by outcome.</summary>
public readonly record struct ModeSReceiverCounters(
    long Messages,
    long Decoded,
    long CrcErrors,
    long UnknownAddress,
    long Unsupported,
    long NoAddress,
    long Positions,
    long CprGlobal,
    long CprLocal,
    long CprRejected);
