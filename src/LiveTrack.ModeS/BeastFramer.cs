namespace LiveTrack.ModeS;

/// <summary>
/// Splits a Beast binary stream (readsb/dump1090 port 30005) into frames. A frame is <c>0x1a</c>, a type byte
/// (<c>0x31</c> Mode A/C, <c>0x32</c> short, <c>0x33</c> long Mode S), a 48-bit big-endian 12 MHz timestamp, a
/// signal-level byte and the 2, 7 or 14 message bytes; every <c>0x1a</c> inside a frame is doubled. Bytes are
/// pushed as they arrive in chunks of any size; a frame split across chunks is completed by the next one.
/// </summary>
/// <remarks>
/// Garbage between frames is skipped and counted; a frame broken off by a new <c>0x1a</c> + type (a lost byte)
/// or with an unknown type byte is counted as malformed and the framer resynchronises on the next frame.
/// Reading never allocates. Not thread-safe: one framer per connection.
/// </remarks>
public sealed class BeastFramer
{
    /// <summary>The timestamp mlat-client and readsb put on synthetic (multilaterated) frames: <c>FF 00 'M' 'L' 'A' 'T'</c>.</summary>
    public const long MlatTimestamp = 0xFF004D4C4154;

    private const byte Escape = 0x1a;
    private const int HeaderLength = 7;
    private readonly byte[] body = new byte[HeaderLength + 14];
    private State state;
    private int need;
    private int have;
    private ModeSFrameKind kind;

    private enum State
    {
        Idle,
        Type,
        Body,
        BodyEscape,
    }

    /// <summary>Complete frames read.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames broken off by a resynchronisation or with an unknown type byte.</summary>
    public long Malformed { get; private set; }

    /// <summary>Bytes outside any frame, skipped.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>The kind of the frame last returned by <see cref="TryRead"/>.</summary>
    public ModeSFrameKind Kind => kind;

    /// <summary>The 48-bit 12 MHz receiver timestamp of the last frame (<see cref="MlatTimestamp"/> for MLAT results).</summary>
    public long Timestamp =>
        ((long)body[0] << 40) | ((long)body[1] << 32) | ((long)body[2] << 24) | ((long)body[3] << 16) | ((long)body[4] << 8) | body[5];

    /// <summary>The raw signal-level byte of the last frame (RSSI = 20·log10(level/255) dBFS).</summary>
    public byte Signal => body[6];

    /// <summary>True when the last frame carries the MLAT timestamp, i.e. it is a multilaterated result.</summary>
    public bool IsMlat => Timestamp == MlatTimestamp;

    /// <summary>The message bytes of the last frame (valid until the next call).</summary>
    public ReadOnlySpan<byte> Message => body.AsSpan(HeaderLength, need - HeaderLength);

    /// <summary>True while a frame is partly read (a stream that ends now ends with a truncated frame).</summary>
    public bool InFrame => state != State.Idle;

    /// <summary>
    /// Consumes bytes from <paramref name="input"/> until a frame is complete (returns true, with
    /// <paramref name="input"/> advanced past it) or the input is used up (returns false).
    /// </summary>
    public bool TryRead(ref ReadOnlySpan<byte> input)
    {
        while (!input.IsEmpty)
        {
            switch (state)
            {
                case State.Idle:
                {
                    var sync = input.IndexOf(Escape);
                    if (sync < 0)
                    {
                        SkippedBytes += input.Length;
                        input = default;
                        return false;
                    }

                    SkippedBytes += sync;
                    input = input[(sync + 1)..];
                    state = State.Type;
                    break;
                }

                case State.Type:
                {
                    var type = input[0];
                    input = input[1..];
                    StartFrame(type);
                    break;
                }

                case State.Body:
                {
                    var room = need - have;
                    var chunk = input.Length < room ? input : input[..room];
                    var escape = chunk.IndexOf(Escape);
                    if (escape < 0)
                    {
                        chunk.CopyTo(body.AsSpan(have));
                        have += chunk.Length;
                        input = input[chunk.Length..];
                    }
                    else
                    {
                        chunk[..escape].CopyTo(body.AsSpan(have));
                        have += escape;
                        input = input[(escape + 1)..];
                        state = State.BodyEscape;
                    }

                    if (have == need)
                    {
                        return Complete();
                    }

                    break;
                }

                case State.BodyEscape:
                {
                    var next = input[0];
                    input = input[1..];
                    if (next == Escape)
                    {
                        body[have++] = Escape;
                        state = State.Body;
                        if (have == need)
                        {
                            return Complete();
                        }
                    }
                    else
                    {
                        // A lone 0x1a: a byte was lost and a new frame starts here.
                        Malformed++;
                        StartFrame(next);
                    }

                    break;
                }
            }
        }

        return false;
    }

    /// <summary>Forgets a partly read frame (e.g. when the connection is replaced), counting it as malformed.</summary>
    public void Reset()
    {
        if (state is State.Body or State.BodyEscape)
        {
            Malformed++;
        }

        state = State.Idle;
    }

    private void StartFrame(byte type)
    {
        var length = type switch
        {
            0x31 => 2,
            0x32 => 7,
            0x33 => 14,
            _ => 0,
        };

        if (length == 0)
        {
            // 0x1a 0x1a outside a frame, or a type LiveTrack does not read (e.g. readsb status frames).
            Malformed++;
            state = State.Idle;
            return;
        }

        kind = (ModeSFrameKind)(type - 0x30);
        need = HeaderLength + length;
        have = 0;
        state = State.Body;
    }

    private bool Complete()
    {
        state = State.Idle;
        Frames++;
        return true;
    }
}
