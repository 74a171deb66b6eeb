using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace LiveTrack.Adsb;

/// <summary>
/// ICAO 24-bit aircraft addresses in their canonical text form: exactly six lower-case hex digits
/// (<c>ae01c5</c>), or readsb's non-ICAO form with a leading tilde (<c>~ae01c5</c>) used for TIS-B/ADS-R
/// targets that carry an anonymous or otherwise non-ICAO address.
/// </summary>
/// <remarks>
/// Normalised strings are interned in a small bounded, thread-safe cache so that the same address seen on
/// every message returns the same string instance instead of a fresh allocation. Once the cache holds
/// <see cref="MaxCachedAddresses"/> entries, new addresses are simply allocated.
/// </remarks>
public static class IcaoAddress
{
    /// <summary>Upper bound on the number of interned address strings.</summary>
    public const int MaxCachedAddresses = 100_000;

    private const int TildeFlag = 1 << 24;
    private const string HexDigits = "0123456789abcdef";

    private static readonly ConcurrentDictionary<int, string> Cache = new();

    /// <summary>
    /// A direct-mapped front of <see cref="Cache"/> (one slot per low 16 bits of the address): the hit of every
    /// message from an aircraft already seen is one array read and one compare. Slots are immutable entries replaced
    /// whole, so a racing reader sees either entry; a miss falls back to the dictionary, which stays the one interning.
    /// </summary>
    private static readonly Interned?[] Recent = new Interned?[1 << 16];
    private static int cachedCount;

    /// <summary>
    /// Normalises an address: surrounding whitespace is trimmed, then exactly six hex digits (any case),
    /// optionally preceded by <c>~</c>, are accepted and returned in lower case.
    /// </summary>
    /// <param name="value">The text to normalise.</param>
    /// <param name="normalized">The canonical address when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid address.</returns>
    public static bool TryNormalize(ReadOnlySpan<char> value, [NotNullWhen(true)] out string? normalized)
    {
        value = value.Trim();
        var tilde = value.Length == 7 && value[0] == '~';
        if (tilde)
        {
            value = value[1..];
        }

        if (value.Length != 6)
        {
            normalized = null;
            return false;
        }

        var address = 0;
        foreach (var c in value)
        {
            var digit = HexValue(c);
            if (digit < 0)
            {
                normalized = null;
                return false;
            }

            address = (address << 4) | digit;
        }

        normalized = GetOrCreate(tilde ? address | TildeFlag : address);
        return true;
    }

    /// <summary>
    /// Normalises an address given as ASCII/UTF-8 bytes; same rules as the <see cref="ReadOnlySpan{T}"/> of
    /// <see cref="char"/> overload (ASCII whitespace is trimmed; any non-ASCII byte makes it invalid).
    /// </summary>
    /// <param name="utf8Value">The UTF-8 text to normalise.</param>
    /// <param name="normalized">The canonical address when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="utf8Value"/> is a valid address.</returns>
    public static bool TryNormalize(ReadOnlySpan<byte> utf8Value, [NotNullWhen(true)] out string? normalized)
    {
        utf8Value = TrimAsciiWhitespace(utf8Value);
        var tilde = utf8Value.Length == 7 && utf8Value[0] == (byte)'~';
        if (tilde)
        {
            utf8Value = utf8Value[1..];
        }

        if (utf8Value.Length != 6)
        {
            normalized = null;
            return false;
        }

        var address = 0;
        foreach (var b in utf8Value)
        {
            var digit = HexValue((char)b);
            if (digit < 0)
            {
                normalized = null;
                return false;
            }

            address = (address << 4) | digit;
        }

        normalized = GetOrCreate(tilde ? address | TildeFlag : address);
        return true;
    }

    /// <summary>The canonical text of a 24-bit address (interned like the parsed forms).</summary>
    /// <param name="address">The address; only its low 24 bits are used.</param>
    /// <param name="nonIcao">True for a non-ICAO (TIS-B/ADS-R anonymous) address, written with a leading <c>~</c>.</param>
    public static string FromAddress(int address, bool nonIcao = false) =>
        GetOrCreate((address & 0xFFFFFF) | (nonIcao ? TildeFlag : 0));

    /// <summary>
    /// True when <paramref name="value"/> is already in canonical form: six lower-case hex digits, optionally
    /// preceded by <c>~</c>, with no surrounding whitespace.
    /// </summary>
    /// <param name="value">The string to check.</param>
    /// <returns><see langword="true"/> when the value is a normalised address.</returns>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (value is null)
        {
            return false;
        }

        var digits = value.AsSpan();
        if (digits.Length == 7 && digits[0] == '~')
        {
            digits = digits[1..];
        }

        if (digits.Length != 6)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static int HexValue(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        // Folding 0x20 maps 'A'..'F' onto 'a'..'f'; nothing else lands in that range.
        var lower = c | 0x20;
        return (uint)(lower - 'a') < 6 ? lower - 'a' + 10 : -1;
    }

    private static ReadOnlySpan<byte> TrimAsciiWhitespace(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && IsAsciiWhitespace(value[start]))
        {
            start++;
        }

        var end = value.Length;
        while (end > start && IsAsciiWhitespace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    private static bool IsAsciiWhitespace(byte b) => b is (byte)' ' or (>= 0x09 and <= 0x0D);

    private static string GetOrCreate(int key)
    {
        var slot = key & (Recent.Length - 1);
        if (Volatile.Read(ref Recent[slot]) is { } recent && recent.Key == key)
        {
            return recent.Text;
        }

        var text = Intern(key);
        Volatile.Write(ref Recent[slot], new Interned(key, text));
        return text;
    }

    private static string Intern(int key)
    {
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = Create(key);
        if (Volatile.Read(ref cachedCount) >= MaxCachedAddresses)
        {
            return created;
        }

        if (Cache.TryAdd(key, created))
        {
            Interlocked.Increment(ref cachedCount);
            return created;
        }

        // Another thread added it first: hand out the shared instance.
        return Cache.TryGetValue(key, out cached) ? cached : created;
    }

    private static string Create(int key) =>
        string.Create((key & TildeFlag) != 0 ? 7 : 6, key, static (span, k) =>
        {
            var i = 0;
            if ((k & TildeFlag) != 0)
            {
                span[i++] = '~';
            }

            for (var shift = 20; shift >= 0; shift -= 4)
            {
                span[i++] = HexDigits[(k >> shift) & 0xF];
            }
        });

    private sealed record Interned(int Key, string Text);
}
