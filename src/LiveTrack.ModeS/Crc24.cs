namespace LiveTrack.ModeS;

/// <summary>
/// The Mode S parity: a 24-bit CRC with generator polynomial 0x1FFF409 (ICAO Annex 10 Vol. IV, 3.1.2.3.3),
/// computed a byte at a time from a 256-entry table.
/// </summary>
public static class Crc24
{
    private const uint Generator = 0xFFF409;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/> (the message without its last three parity bytes).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var table = Table;
        uint crc = 0;
        foreach (var b in data)
        {
            crc = ((crc << 8) ^ table[(int)(((crc >> 16) ^ b) & 0xFF)]) & 0xFFFFFF;
        }

        return crc;
    }

    /// <summary>
    /// The parity residue of a whole message: the CRC of its data bits XOR its last 24 bits. Zero for an intact
    /// DF11/17/18; the aircraft address for an intact address/parity message (DF0/4/5/16/20/21).
    /// </summary>
    public static uint Residue(ReadOnlySpan<byte> message)
    {
        if (message.Length < 4)
        {
            throw new ArgumentException("A Mode S message has at least 7 bytes.", nameof(message));
        }

        var n = message.Length;
        var parity = ((uint)message[n - 3] << 16) | ((uint)message[n - 2] << 8) | message[n - 1];
        return Compute(message[..(n - 3)]) ^ parity;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i << 16;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x800000) != 0 ? (crc << 1) ^ Generator : crc << 1;
            }

            table[i] = crc & 0xFFFFFF;
        }

        return table;
    }
}
