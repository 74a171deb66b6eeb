using System.Security.Cryptography;
using System.Text;

namespace LiveTrack.Alerting.Tests;

public class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"recon-ae01c5-7\",\"trigger\":\"Geofence\"}");
    private const string Secret = "at-least-16-chars-long";

    [Fact]
    public void The_signature_is_the_lower_case_hex_hmac_sha256_of_the_body_keyed_with_the_secret()
    {
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body)).ToLowerInvariant();

        Assert.Equal(expected, WebhookSignature.Sign(Body, Secret));
    }

    [Fact]
    public void The_signature_matches_the_rfc_4231_test_vector()
    {
        // RFC 4231, test case 2.
        var signature = WebhookSignature.Sign(Encoding.ASCII.GetBytes("what do ya want for nothing?"), "Jefe");

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void A_secret_is_keyed_by_its_utf8_bytes()
    {
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("sécret-ключ-🔑-long"), Body)).ToLowerInvariant();

        Assert.Equal(expected, WebhookSignature.Sign(Body, "sécret-ключ-🔑-long"));
    }

    [Fact]
    public void The_receiver_accepts_the_signature_of_the_body_it_got()
    {
        var header = WebhookSignature.Sign(Body, Secret);

        Assert.True(WebhookSignature.Verify(Body, Secret, header));
        Assert.True(WebhookSignature.Verify(Body, Secret, " " + header.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal) + " "));
    }

    [Fact]
    public void A_tampered_body_or_a_different_secret_fails()
    {
        var header = WebhookSignature.Sign(Body, Secret);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;

        Assert.False(WebhookSignature.Verify(tampered, Secret, header));
        Assert.False(WebhookSignature.Verify(Body, Secret + "x", header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=0000")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38")]
    [InlineData("sha256=zzdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    public void A_missing_or_malformed_header_fails(string? header)
    {
        Assert.False(WebhookSignature.Verify(Body, Secret, header));
    }

    [Fact]
    public void The_header_names_are_the_documented_ones()
    {
        Assert.Equal("X-LiveTrack-Signature", WebhookSignature.HeaderName);
        Assert.Equal("Idempotency-Key", WebhookSignature.IdempotencyHeaderName);
    }
}
