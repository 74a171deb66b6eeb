using System.Collections.Concurrent;
using System.Text;

namespace LiveTrack.Adsb.Tests;

public class IcaoAddressTests
{
    [Theory]
    [InlineData("AE01C5", "ae01c5")]
    [InlineData("ae01c5", "ae01c5")]
    [InlineData("aE01c5", "ae01c5")]
    [InlineData("  AE01C5\t", "ae01c5")]
    [InlineData("000000", "000000")]
    [InlineData("FFFFFF", "ffffff")]
    [InlineData("~AE01C5", "~ae01c5")]
    [InlineData(" ~00b1Fa ", "~00b1fa")]
    public void Six_hex_digits_normalise_to_lower_case(string input, string expected)
    {
        Assert.True(IcaoAddress.TryNormalize(input, out var fromChars));
        Assert.Equal(expected, fromChars);

        Assert.True(IcaoAddress.TryNormalize(Encoding.UTF8.GetBytes(input), out var fromBytes));
        Assert.Equal(expected, fromBytes);
        Assert.True(IcaoAddress.IsValid(fromChars));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("AE01C")]
    [InlineData("AE01C55")]
    [InlineData("AE01G5")]
    [InlineData("AE 1C5")]
    [InlineData("0xAE01")]
    [InlineData("~AE01C")]
    [InlineData("~AE01C55")]
    [InlineData("~~E01C5")]
    [InlineData("AE01C5~")]
    [InlineData("~ AE01C5")]
    [InlineData("-AE01C")]
    [InlineData("+AE01C")]
    [InlineData("ÄE01C5")]
    [InlineData("ＡE01C5")]
    [InlineData("AE01C\u0000")]
    public void Anything_but_six_hex_digits_is_rejected(string input)
    {
        Assert.False(IcaoAddress.TryNormalize(input, out var fromChars));
        Assert.Null(fromChars);

        Assert.False(IcaoAddress.TryNormalize(Encoding.UTF8.GetBytes(input), out var fromBytes));
        Assert.Null(fromBytes);
    }

    [Fact]
    public void Non_ascii_bytes_are_rejected_even_when_they_fold_onto_hex_letters()
    {
        // 0xC1 | 0x20 == 0xE1: a naive case fold must not turn Latin-1 bytes into 'a'.
        Assert.False(IcaoAddress.TryNormalize([0xC1, (byte)'E', (byte)'0', (byte)'1', (byte)'C', (byte)'5'], out _));
        Assert.False(IcaoAddress.TryNormalize("\u0141E01C5", out _));
    }

    [Theory]
    [InlineData("ae01c5", true)]
    [InlineData("~ae01c5", true)]
    [InlineData("000000", true)]
    [InlineData("AE01C5", false)]
    [InlineData("~AE01C5", false)]
    [InlineData(" ae01c5", false)]
    [InlineData("ae01c5 ", false)]
    [InlineData("ae01c", false)]
    [InlineData("ae01c5a", false)]
    [InlineData("ae01g5", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_accepts_only_the_normalised_form(string? input, bool expected) =>
        Assert.Equal(expected, IcaoAddress.IsValid(input));

    [Fact]
    public void Repeated_addresses_return_the_same_string_instance()
    {
        Assert.True(IcaoAddress.TryNormalize("3C4A5F", out var first));
        Assert.True(IcaoAddress.TryNormalize(" 3c4a5f ", out var second));
        Assert.True(IcaoAddress.TryNormalize("3c4A5F"u8, out var third));

        Assert.Same(first, second);
        Assert.Same(first, third);
    }

    [Fact]
    public void Tilde_and_plain_forms_of_the_same_digits_are_different_addresses()
    {
        Assert.True(IcaoAddress.TryNormalize("7C1A2B", out var plain));
        Assert.True(IcaoAddress.TryNormalize("~7C1A2B", out var nonIcao));

        Assert.Equal("7c1a2b", plain);
        Assert.Equal("~7c1a2b", nonIcao);
        Assert.NotSame(plain, nonIcao);
    }

    [Fact]
    public void Concurrent_normalisation_hands_every_thread_the_same_instance()
    {
        var results = new ConcurrentBag<string>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            Assert.True(IcaoAddress.TryNormalize("E48D1F", out var normalized));
            results.Add(normalized);
        });

        var first = results.First();
        Assert.Equal("e48d1f", first);
        Assert.All(results, r => Assert.Same(first, r));
    }

    [Fact]
    public void Normalising_a_cached_address_does_not_allocate()
    {
        var bytes = "4B1805"u8.ToArray();
        Assert.True(IcaoAddress.TryNormalize(bytes, out _));
        Assert.True(IcaoAddress.TryNormalize("4B1805".AsSpan(), out _));

        Assert.Equal(0, AllocationProbe.BytesFor100Calls(() => IcaoAddress.TryNormalize(bytes, out _)));
        Assert.Equal(0, AllocationProbe.BytesFor100Calls(() => IcaoAddress.TryNormalize("4B1805".AsSpan(), out _)));
    }
}
