using System.Buffers;
using System.Globalization;
using System.Text;

namespace LiveTrack.Adsb;

/// <summary>
/// Writes SBS-1 (BaseStation) lines the way readsb does, without the line terminator. Used by the traffic
/// simulator, the load generator and tests.
/// </summary>
/// <remarks>
/// <para>
/// Every line has all 22 fields; session, aircraft and flight ids are <c>1</c>; absent values are empty fields;
/// both timestamps are written in UTC as <c>yyyy/MM/dd</c> and <c>HH:mm:ss.fff</c> (truncated to milliseconds);
/// latitude/longitude have 5 decimals, ground speed and track 1 decimal; flags are <c>0</c> or <c>-1</c>.
/// <c>SbsParser.TryParse(Format(m))</c> gives back <c>m</c> with values rounded to that precision.
/// </para>
/// <para>
/// The message must be structurally valid — a transmission type 1–8, a normalised ICAO address (see
/// <see cref="IcaoAddress.IsValid"/>), a callsign of printable ASCII without commas, a squawk of four octal
/// digits — otherwise an <see cref="ArgumentException"/> is thrown rather than writing a line that would
/// parse differently. Numeric values are written as given.
/// </para>
/// </remarks>
public static class SbsFormatter
{
    private const int InitialBufferSize = 256;

    /// <summary>Formats <paramref name="message"/> as an SBS line without line terminator.</summary>
    /// <param name="message">The message to write.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentException">The message is not structurally valid (see remarks on the type).</exception>
    public static string Format(in SbsMessage message)
    {
        Span<byte> buffer = stackalloc byte[InitialBufferSize];
        if (TryFormat(message, buffer, out var written))
        {
            return Encoding.ASCII.GetString(buffer[..written]);
        }

        // Only huge numbers (e.g. 1e300 knots, written in full) or long callsigns get here.
        for (var size = InitialBufferSize * 4; ; size *= 2)
        {
            var rented = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (TryFormat(message, rented, out written))
                {
                    return Encoding.ASCII.GetString(rented, 0, written);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes <paramref name="message"/> as an ASCII (hence UTF-8) SBS line without line terminator.</summary>
    /// <param name="message">The message to write.</param>
    /// <param name="destination">Where to write the line.</param>
    /// <param name="bytesWritten">The line's length when the method returns <see langword="true"/>; otherwise 0.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException">The message is not structurally valid (see remarks on the type).</exception>
    public static bool TryFormat(in SbsMessage message, Span<byte> destination, out int bytesWritten)
    {
        Validate(message);

        var writer = new Writer(destination);
        writer.Write(message.IsMlat ? "MLAT,"u8 : "MSG,"u8);
        writer.Write((byte)('0' + (int)message.Type));
        writer.Write(",1,1,"u8);
        writer.WriteAscii(message.Icao);
        writer.Write(",1,"u8);
        writer.WriteTimestamp(message.GeneratedAt);
        writer.Write((byte)',');
        writer.WriteTimestamp(message.LoggedAt);
        writer.Write((byte)',');
        writer.WriteAscii(message.Callsign);
        writer.Write((byte)',');
        writer.WriteNumber(message.AltitudeFeet);
        writer.Write((byte)',');
        writer.WriteNumber(message.GroundSpeedKnots, "F1");
        writer.Write((byte)',');
        writer.WriteNumber(message.TrackDegrees, "F1");
        writer.Write((byte)',');
        writer.WriteNumber(message.Latitude, "F5");
        writer.Write((byte)',');
        writer.WriteNumber(message.Longitude, "F5");
        writer.Write((byte)',');
        writer.WriteNumber(message.VerticalRateFeetPerMinute);
        writer.Write((byte)',');
        writer.WriteAscii(message.Squawk);
        writer.Write((byte)',');
        writer.WriteFlag(message.SquawkChangeAlert);
        writer.Write((byte)',');
        writer.WriteFlag(message.Emergency);
        writer.Write((byte)',');
        writer.WriteFlag(message.Spi);
        writer.Write((byte)',');
        writer.WriteFlag(message.OnGround);

        bytesWritten = writer.Failed ? 0 : writer.Position;
        return !writer.Failed;
    }

    private static void Validate(in SbsMessage message)
    {
        if (message.Type is < SbsTransmissionType.Identification or > SbsTransmissionType.AllCallReply)
        {
            throw new ArgumentException($"Transmission type {(int)message.Type} is not between 1 and 8.", nameof(message));
        }

        if (!IcaoAddress.IsValid(message.Icao))
        {
            throw new ArgumentException($"ICAO address '{message.Icao}' is not normalised.", nameof(message));
        }

        if (message.Callsign is { } callsign)
        {
            foreach (var c in callsign)
            {
                if (c is < ' ' or > '~' or ',')
                {
                    throw new ArgumentException(
                        "The callsign must be printable ASCII without commas.", nameof(message));
                }
            }
        }

        if (message.Squawk is { } squawk && !IsSquawk(squawk))
        {
            throw new ArgumentException($"Squawk '{squawk}' is not four octal digits.", nameof(message));
        }
    }

    private static bool IsSquawk(string squawk)
    {
        if (squawk.Length != 4)
        {
            return false;
        }

        foreach (var c in squawk)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends to a byte span, remembering (instead of throwing) when it ran out of room.</summary>
    private ref struct Writer(Span<byte> destination)
    {
        private readonly Span<byte> destination = destination;

        public int Position { get; private set; }

        public bool Failed { get; private set; }

        private readonly Span<byte> Free => destination[Position..];

        public void Write(byte b)
        {
            if (Failed || Position >= destination.Length)
            {
                Failed = true;
                return;
            }

            destination[Position++] = b;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (Failed || !bytes.TryCopyTo(Free))
            {
                Failed = true;
                return;
            }

            Position += bytes.Length;
        }

        /// <summary>Writes an already-validated ASCII string (or nothing for null).</summary>
        public void WriteAscii(string? text)
        {
            if (Failed || string.IsNullOrEmpty(text))
            {
                return;
            }

            if (Encoding.ASCII.TryGetBytes(text, Free, out var written))
            {
                Position += written;
            }
            else
            {
                Failed = true;
            }
        }

        public void WriteNumber(int? value)
        {
            if (Failed || value is not { } number)
            {
                return;
            }

            if (number.TryFormat(Free, out var written, default, CultureInfo.InvariantCulture))
            {
                Position += written;
            }
            else
            {
                Failed = true;
            }
        }

        public void WriteNumber(double? value, string format)
        {
            if (Failed || value is not { } number)
            {
                return;
            }

            if (number.TryFormat(Free, out var written, format, CultureInfo.InvariantCulture))
            {
                Position += written;
            }
            else
            {
                Failed = true;
            }
        }

        public void WriteFlag(bool? value)
        {
            switch (value)
            {
                case true:
                    Write("-1"u8);
                    break;
                case false:
                    Write((byte)'0');
                    break;
            }
        }

        /// <summary>Writes <c>yyyy/MM/dd,HH:mm:ss.fff</c> in UTC, or just the separating comma when absent.</summary>
        public void WriteTimestamp(DateTimeOffset? value)
        {
            if (value is not { } timestamp)
            {
                Write((byte)',');
                return;
            }

            var utc = timestamp.UtcDateTime;
            WriteDigits(utc.Year, 4);
            Write((byte)'/');
            WriteDigits(utc.Month, 2);
            Write((byte)'/');
            WriteDigits(utc.Day, 2);
            Write((byte)',');
            WriteDigits(utc.Hour, 2);
            Write((byte)':');
            WriteDigits(utc.Minute, 2);
            Write((byte)':');
            WriteDigits(utc.Second, 2);
            Write((byte)'.');
            WriteDigits(utc.Millisecond, 3);
        }

        private void WriteDigits(int value, int width)
        {
            if (Failed || Position + width > destination.Length)
            {
                Failed = true;
                return;
            }

            for (var i = width - 1; i >= 0; i--)
            {
                destination[Position + i] = (byte)('0' + (value % 10));
                value /= 10;
            }

            Position += width;
        }
    }
}
