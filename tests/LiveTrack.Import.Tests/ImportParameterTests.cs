namespace LiveTrack.Import.Tests;

/// <summary>The format names and SBS offsets users type, shared by <c>POST /api/imports</c> and <c>livetrack-import</c>.</summary>
public sealed class ImportParameterTests
{
    [Theory]
    [InlineData("auto", ImportFormat.Auto)]
    [InlineData("trace", ImportFormat.ReadsbTrace)]
    [InlineData("aircraft-json", ImportFormat.AircraftJson)]
    [InlineData("sbs", ImportFormat.Sbs)]
    [InlineData("opensky-json", ImportFormat.OpenSkyStates)]
    [InlineData("opensky-csv", ImportFormat.OpenSkyCsv)]
    public void Every_documented_format_name_reads_as_its_format_and_is_written_back_the_same(string name, ImportFormat format)
    {
        Assert.Equal(format, ImportFormatNames.Parse(name));
        Assert.Equal(name, ImportFormatNames.NameOf(format));
        Assert.Contains(name, ImportFormatNames.Expected.Split(", "));
    }

    [Theory]
    [InlineData("kml")]
    [InlineData("SBS")]
    [InlineData("")]
    [InlineData("ReadsbTrace")]
    public void Any_other_format_name_is_refused(string name) => Assert.Null(ImportFormatNames.Parse(name));

    [Fact]
    public void Every_format_has_a_name() =>
        Assert.All(Enum.GetValues<ImportFormat>(), f => Assert.Equal(f, ImportFormatNames.Parse(ImportFormatNames.NameOf(f))));

    [Theory]
    [InlineData("+02:00", 120)]
    [InlineData("02:00", 120)]
    [InlineData("-05:30", -330)]
    [InlineData("00:00", 0)]
    [InlineData("+14:00", 840)]
    [InlineData("-14:00", -840)]
    public void An_offset_from_utc_reads_with_its_sign(string text, int minutes)
    {
        Assert.True(UtcOffsetText.TryParse(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("2h")]
    [InlineData("+14:01")]
    [InlineData("-15:00")]
    [InlineData("+-02:00")]
    [InlineData("--02:00")]
    [InlineData("2:00")]
    [InlineData("")]
    public void Anything_else_is_not_an_offset(string text)
    {
        Assert.False(UtcOffsetText.TryParse(text, out var offset));
        Assert.Equal(TimeSpan.Zero, offset);
    }
}
