namespace LiveTrack.ModeS;

/// <summary>Outcome of reading one AVR line.</summary>
public enum AvrParseStatus
{
    /// <summary>A Mode S message (7 or 14 bytes).</summary>
    Message,
    /// <summary>A Mode A/C reply (2 bytes) or an empty line: valid, carries no aircraft address.</summary>
    Skipped,
    /// <summary>Not an AVR frame: wrong start or end character, odd or non-hex digits, or a wrong length.</summary>
    Malformed,
}
