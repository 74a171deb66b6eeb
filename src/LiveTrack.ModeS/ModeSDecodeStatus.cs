namespace LiveTrack.ModeS;

/// <summary>Outcome of decoding one Mode S message.</summary>
public enum ModeSDecodeStatus
{
    /// <summary>Decoded: the message's address is trustworthy and its fields are set.</summary>
    Decoded,
    /// <summary>DF11/17/18 whose parity does not check: dropped (no error correction).</summary>
    CrcError,
    /// <summary>An address/parity reply (DF0/4/5/16/20/21) whose recovered address has not been seen in a reliable message: dropped.</summary>
    UnknownAddress,
    /// <summary>A downlink format LiveTrack does not decode (DF19, DF24, military extended squitter, …).</summary>
    Unsupported,
    /// <summary>A Mode A/C reply (no address) or a message shorter than its format needs.</summary>
    NoAddress,
}
