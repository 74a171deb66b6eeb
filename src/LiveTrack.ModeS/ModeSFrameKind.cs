namespace LiveTrack.ModeS;

/// <summary>What a Beast or AVR frame carries.</summary>
public enum ModeSFrameKind
{
    /// <summary>A 2-byte Mode A/C reply (Beast type <c>0x31</c>): no aircraft address.</summary>
    ModeAc = 1,
    /// <summary>A 56-bit Mode S reply (Beast type <c>0x32</c>).</summary>
    ShortReply = 2,
    /// <summary>A 112-bit Mode S reply (Beast type <c>0x33</c>).</summary>
    LongReply = 3,
}
