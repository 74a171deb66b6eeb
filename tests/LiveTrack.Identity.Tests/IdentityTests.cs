using System.IO.Compression;

namespace LiveTrack.Identity.Tests;

public class IdentityTests
{
    private static readonly AircraftIdentityProvider AddressOnly = new();

    [Fact]
    public void The_simulated_reconnaissance_address_is_a_us_military_aircraft()
    {
        var identity = AddressOnly.Find("ae01c5");

        Assert.NotNull(identity);
        Assert.Equal("United States", identity.Country);
        Assert.Equal("US", identity.CountryCode);
        Assert.True(identity.Military);
        Assert.False(identity.InDatabase);
    }

    [Theory]
    [InlineData("0d0abc", "Mexico", "MX")]
    [InlineData("a8b2c1", "United States", "US")]
    [InlineData("3c4dd2", "Germany", "DE")]
    [InlineData("4840d6", "Netherlands", "NL")]
    [InlineData("7c1234", "Australia", "AU")]
    [InlineData("e48abc", "Brazil", "BR")]
    [InlineData("899012", "Taiwan", "TW")]
    [InlineData("c81234", "New Zealand", "NZ")]
    public void Civil_addresses_give_their_country_and_are_not_military(string icao, string country, string code)
    {
        var identity = AddressOnly.Find(icao);

        Assert.Equal(country, identity?.Country);
        Assert.Equal(code, identity?.CountryCode);
        Assert.False(identity?.Military);
    }

    [Theory]
    [InlineData("43c6f1", "United Kingdom")]
    [InlineData("3f8a12", "Germany")]
    [InlineData("3b7c01", "France")]
    [InlineData("c2b0aa", "Canada")]
    [InlineData("adf7c8", "United States")]
    public void Known_military_ranges_flag_the_aircraft_without_a_database(string icao, string country)
    {
        var identity = AddressOnly.Find(icao);

        Assert.Equal(country, identity?.Country);
        Assert.True(identity?.Military);
    }

    [Theory]
    [InlineData("000001")]
    [InlineData("~ae01c5")]
    [InlineData("f0a000")]
    public void Unallocated_and_non_icao_addresses_have_no_identity(string icao)
    {
        Assert.Null(AddressOnly.Find(icao));
    }

    [Fact]
    public void Icao_temporary_blocks_have_no_country_code_and_no_military_verdict()
    {
        var identity = AddressOnly.Find("f00123");

        Assert.NotNull(identity);
        Assert.Null(identity.CountryCode);
        Assert.Null(identity.Military);
    }

    [Fact]
    public void The_allocation_blocks_do_not_overlap_and_every_military_range_lies_in_its_country_block()
    {
        var blocks = IcaoAllocations.All;
        for (var i = 1; i < blocks.Count; i++)
        {
            Assert.True(blocks[i].Start > blocks[i - 1].End, $"{blocks[i - 1].Name} overlaps {blocks[i].Name}");
        }

        foreach (var (start, end, name) in MilitaryAddresses.All)
        {
            var block = IcaoAllocations.Find(start);
            Assert.NotNull(block);
            Assert.Equal(block, IcaoAllocations.Find(end));
            Assert.StartsWith(block.Name, name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tar1090_rows_give_registration_type_description_operator_and_flags_and_malformed_rows_are_counted()
    {
        const string csv = """
            ae01c5;62-4134;R135;10;BOEING RC-135W RIVET JOINT;1962;United States Air Force
            4840d6;PH-BXA;B738;00;BOEING 737-800;1999;KLM
            0d0abc;XA-AMX;B38M;;BOEING 737 MAX 8;;
            a12345;N12345;C172;0001;CESSNA 172;;
            zzzzzz;N1;C150;00;CESSNA 150;;
            a1;N2;C150;00;CESSNA 150;;
            a00001;N3
            a00002;N4;C152;2x;CESSNA 152;;
            """;

        var database = AircraftDatabase.Parse("aircraft.csv", new StringReader(csv));

        var file = Assert.Single(database.Files);
        Assert.Equal(AircraftDatabaseLayout.Tar1090, file.Layout);
        Assert.Equal(8, file.Rows);
        Assert.Equal(4, file.Entries);
        Assert.Equal(4, file.Malformed);

        var provider = new AircraftIdentityProvider(database);
        var recon = provider.Find("ae01c5")!;
        Assert.Equal("62-4134", recon.Registration);
        Assert.Equal("R135", recon.TypeCode);
        Assert.Equal("BOEING RC-135W RIVET JOINT", recon.Description);
        Assert.Equal("United States Air Force", recon.Operator);
        Assert.True(recon.Military);
        Assert.True(recon.InDatabase);

        Assert.False(provider.Find("4840d6")!.Military);
        Assert.Equal("KLM", provider.Find("4840d6")!.Operator);
        Assert.Equal("Mexico", provider.Find("0d0abc")!.Country);
        Assert.Equal(["LADD"], provider.Find("a12345")!.Tags);
    }

    [Fact]
    public void Plane_alert_rows_give_operator_type_tags_and_the_military_category_with_quoted_commas()
    {
        const string csv = """"
            $ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link
            AE01C5,62-4134,United States Air Force,Boeing RC-135W Rivet Joint,R135,Mil,Rivet Joint,Spy Plane,"Sigint, Elint",USAF,https://example.invalid/rc135
            406C1B,G-CNWL,Cornwall Air Ambulance,MD Helicopters MD-900 Explorer,EXPL,Civ,Air Ambo,,,Helicopter,
            4CA123,"EI-""Q""",Irish Air Corps,Pilatus PC-12,PC12,Mil,,,,Ireland,
            XYZ123,N1,Nobody,Nothing,C150,Civ,,,,,
            "400123,G-ABCD,Unclosed quote
            """";

        var database = AircraftDatabase.Parse("plane-alert-db.csv", new StringReader(csv));

        var file = Assert.Single(database.Files);
        Assert.Equal(AircraftDatabaseLayout.PlaneAlert, file.Layout);
        Assert.Equal(5, file.Rows);
        Assert.Equal(3, file.Entries);
        Assert.Equal(2, file.Malformed);

        var provider = new AircraftIdentityProvider(database);
        var recon = provider.Find("ae01c5")!;
        Assert.Equal("R135", recon.TypeCode);
        Assert.Equal("Boeing RC-135W Rivet Joint", recon.Description);
        Assert.Equal("United States Air Force", recon.Operator);
        Assert.True(recon.Military);
        Assert.Equal(["Rivet Joint", "Spy Plane", "Sigint, Elint", "USAF"], recon.Tags);
        Assert.False(provider.Find("406c1b")!.Military);
        Assert.Equal("EI-\"Q\"", provider.Find("4ca123")!.Registration);
        Assert.True(provider.Find("4ca123")!.Military);
    }

    [Fact]
    public void A_later_file_lays_its_fields_over_an_earlier_ones_and_gzip_files_are_read()
    {
        var directory = Directory.CreateTempSubdirectory("livetrack-db-");
        try
        {
            var tar = Path.Combine(directory.FullName, "aircraft.csv.gz");
            using (var gzip = new GZipStream(File.Create(tar), CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip))
            {
                writer.Write("406c1b;G-CNWL;EXPL;00;MD-900 EXPLORER;;\n");
            }

            var alert = Path.Combine(directory.FullName, "plane-alert-db.csv");
            File.WriteAllText(alert, "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,Category\n406C1B,,Cornwall Air Ambulance,,,Civ,Air Ambo,Helicopter\n");

            var database = AircraftDatabase.Load([tar, alert]);
            var identity = new AircraftIdentityProvider(database).Find("406c1b")!;

            Assert.Equal(2, database.Files.Count);
            Assert.Equal("G-CNWL", identity.Registration);
            Assert.Equal("EXPL", identity.TypeCode);
            Assert.Equal("MD-900 EXPLORER", identity.Description);
            Assert.Equal("Cornwall Air Ambulance", identity.Operator);
            Assert.Equal(["Air Ambo", "Helicopter"], identity.Tags);
            Assert.Equal("United Kingdom", identity.Country);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
