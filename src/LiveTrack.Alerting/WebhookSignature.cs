using System.Security.Cryptography;
using System.Text;

namespace LiveTrack.Alerting;

/// <summary>
/// Signs webhook deliveries so receivers can check they come from LiveTrack and were not altered: the
/// <see cref="HeaderName"/> header carries <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact request
/// body, keyed with the UTF-8 bytes of the webhook's secret. The <see cref="IdempotencyHeaderName"/> header carries
/// the alert id, the same on every retry of one alert.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-LiveTrack-Signature";
    public const string IdempotencyHeaderName = "Idempotency-Key";

    private const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/>: <c>sha256=</c> + 64 lower-case hex digits.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, mac);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// True when <paramref name="header"/> is the signature of <paramref name="body"/> with <paramref name="secret"/>
    /// (hex digits in either case). The comparison takes the same time wherever the digests differ.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (header is null)
        {
            return false;
        }

        var value = header.AsSpan().Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || value.Length != Prefix.Length + (2 * HMACSHA256.HashSizeInBytes))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(value[Prefix.Length..], given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != given.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
