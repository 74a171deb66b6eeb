namespace LiveTrack.ModeS;

/// <summary>
/// Reads AVR text frames (readsb/dump1090 port 30002): <c>*8D4840D6202CC371C32CE0576098;</c>, or with a 12-digit
/// hex 12 MHz timestamp after <c>@</c> (<c>@0123456789AB8D48…;</c>). Surrounding white space and a CR are ignored.
/// </summary>
public static class AvrParser
{
    /// <summary>The longest valid line: <c>@</c>, 12 timestamp digits, 28 message digits, <c>;</c>.</summary>
    public const int MaxLineLength = 1 + 12 + 28 + 1;

    /// <param name="line">One line without its LF.</param>
    /// <param name="message">Receives the 2, 7 or 14 message bytes; at least 14 bytes long.</param>
    /// <param name="length">The number of message bytes written.</param>
    /// <param name="timestamp">The 12 MHz timestamp for <c>@</c> lines; -1 for <c>*</c> lines.</param>
    public static AvrParseStatus TryParse(ReadOnlySpan<byte> line, Span<byte> message, out int length, out long timestamp)
    {
        length = 0;
        timestamp = -1;
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty)
        {
            return AvrParseStatus.Skipped;
        }

        if (line.Length < 3 || line[^1] != (byte)';')
        {
            return AvrParseStatus.Malformed;
        }

        var hex = line[1..^1];
        switch (line[0])
        {
            case (byte)'*':
                break;
            case (byte)'@':
                if (hex.Length < 12 || !TryHex(hex[..12], out timestamp))
                {
                    return AvrParseStatus.Malformed;
                }

                hex = hex[12..];
                break;
            default:
                return AvrParseStatus.Malformed;
        }

        if (hex.Length is not (4 or 14 or 28) || message.Length < hex.Length / 2)
        {
            return AvrParseStatus.Malformed;
        }

        for (var i = 0; i < hex.Length; i += 2)
        {
            var hi = Nibble(hex[i]);
            var lo = Nibble(hex[i + 1]);
            if ((hi | lo) < 0)
            {
                return AvrParseStatus.Malformed;
            }

            message[i / 2] = (byte)((hi << 4) | lo);
        }

        length = hex.Length / 2;
        return length == 2 ? AvrParseStatus.Skipped : AvrParseStatus.Message;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        foreach (var d in digits)
        {
            var n = Nibble(d);
            if (n < 0)
            {
                value = -1;
                return false;
            }

            value = (value << 4) | (uint)n;
        }

        return true;
    }

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
