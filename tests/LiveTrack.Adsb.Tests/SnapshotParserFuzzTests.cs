using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static LiveTrack.Adsb.Tests.SnapshotFixtures;

namespace LiveTrack.Adsb.Tests;

public class SnapshotParserFuzzTests
{
    private const int Iterations = 3000;

    private delegate bool Parser(byte[] json, out SnapshotParseResult? result, out string? error);

    private static readonly string[] ReadsbDocuments = [Readsb, AdsbExchange, Dump1090Mutability];

    private static readonly string[] ReadsbFieldNames =
    [
        "hex", "flight", "alt_baro", "altitude", "alt_geom", "gs", "speed", "track", "baro_rate", "geom_rate",
        "vert_rate", "squawk", "emergency", "category", "lat", "lon", "seen_pos", "seen", "type", "spi", "r", "t",
        "dbFlags", "mlat", "tisb", "unknown",
    ];

    /// <summary>Values chosen to hit every type check and range limit of both parsers.</summary>
    private static readonly string[] InterestingValues =
    [
        "null", "true", "false", "0", "1", "-1", "2", "0.5", "-0.0", "90", "90.000001", "-90.5", "180", "-180.000001",
        "360", "360.5", "200000", "200001", "-2001", "100000", "100001", "1e308", "-1e308", "1e400", "12345678901234567890",
        "1732363200", "1732363200500", "31622401", "\"\"", "\" \"", "\"abc\"", "\"ground\"", "\"lat\"", "\"7700\"",
        "\"777\"", "\"~ae01c5\"", "\"AE01C5\"", "\"ae01c\"", "\"ae01c5 \"", "\"NaN\"", "\"\\u0041\\u0033\"",
        "\"\\ud800\"", "[]", "[\"lat\"]", "[1,[2,{}]]", "{}", "{\"lat\":1}",
    ];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Readsb_parser_survives_mutated_documents_and_keeps_its_invariants(int seed)
    {
        var outcome = Fuzz(
            seed,
            ReadsbDocuments,
            static (byte[] json, out SnapshotParseResult? result, out string? error) => ReadsbJsonParser.TryParse(json, out result, out error),
            ["aircraft", "ac"],
            MutateReadsbEntry);

        AssertMix(outcome);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void OpenSky_parser_survives_mutated_documents_and_keeps_its_invariants(int seed)
    {
        var outcome = Fuzz(
            seed,
            [OpenSky],
            static (byte[] json, out SnapshotParseResult? result, out string? error) => OpenSkyStatesParser.TryParse(json, out result, out error),
            ["states"],
            MutateOpenSkyEntry);

        AssertMix(outcome);
    }

    [Fact]
    public void Random_bytes_are_rejected_or_parsed_without_throwing()
    {
        var random = new Random(31);
        var alphabet = "{}[],:\"0123456789.-+eE truefalsnul\\hexnowaircraftstatestime\n"u8.ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            Assert.True(ReadsbJsonParser.TryParse(bytes, out var readsb, out var readsbError) == (readsb is not null));
            Assert.True(readsb is not null || !string.IsNullOrEmpty(readsbError));
            Assert.True(OpenSkyStatesParser.TryParse(bytes, out var openSky, out var openSkyError) == (openSky is not null));
            Assert.True(openSky is not null || !string.IsNullOrEmpty(openSkyError));
        }
    }

    /// <summary>Accepted/Rejected count the damaged documents; Aircraft/Malformed count entries of every parse.</summary>
    private sealed record Outcome(int Accepted, int Rejected, int Aircraft, int Malformed);

    private static void AssertMix(Outcome outcome)
    {
        // Damage is gentle enough to leave some documents valid and harsh enough to break most; entry mutations
        // leave plenty of entries valid and break plenty of others.
        Assert.True(outcome.Accepted > Iterations / 10, $"only {outcome.Accepted} damaged documents accepted");
        Assert.True(outcome.Rejected > Iterations / 10, $"only {outcome.Rejected} damaged documents rejected");
        Assert.True(outcome.Aircraft > Iterations, $"only {outcome.Aircraft} aircraft");
        Assert.True(outcome.Malformed > Iterations / 3, $"only {outcome.Malformed} malformed entries");
    }

    private static Outcome Fuzz(
        int seed,
        string[] documents,
        Parser parse,
        string[] arrayNames,
        Action<Random, JsonNode> mutateEntry)
    {
        var random = new Random(seed);
        int accepted = 0, rejected = 0, aircraft = 0, malformed = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var root = JsonNode.Parse(documents[random.Next(documents.Length)])!.AsObject();
            var entries = (JsonArray)root[arrayNames.First(root.ContainsKey)]!;

            // 1. Entry-level mutations only: the document must still be accepted.
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                MutateArray(random, entries, mutateEntry);
            }

            var json = Encoding.UTF8.GetBytes(ToText(root));
            Assert.True(parse(json, out var entryOnly, out var entryOnlyError), $"{entryOnlyError} in {ToText(root)}");
            AssertInvariants(json, entryOnly, arrayNames);

            // 2. Anything goes: top-level changes and raw byte damage.
            var damaged = random.Next(3) switch
            {
                0 => DamageTopLevel(random, root),
                1 => DamageBytes(random, json),
                _ => DamageBytes(random, DamageTopLevel(random, root)),
            };

            if (parse(damaged, out var result, out var error))
            {
                Assert.Null(error);
                AssertInvariants(damaged, result, arrayNames);
                accepted++;
                aircraft += result!.Aircraft.Count;
                malformed += result.Malformed;
            }
            else
            {
                Assert.Null(result);
                Assert.False(string.IsNullOrWhiteSpace(error));
                rejected++;
            }

            aircraft += entryOnly!.Aircraft.Count;
            malformed += entryOnly.Malformed;
        }

        return new Outcome(accepted, rejected, aircraft, malformed);
    }

    private static void AssertInvariants(byte[] json, SnapshotParseResult? result, string[] arrayNames)
    {
        Assert.NotNull(result);
        var context = Encoding.UTF8.GetString(json);

        // Whatever the parser accepted is valid JSON; every entry of its array is either returned or counted.
        using var document = JsonDocument.Parse(json);
        var array = arrayNames
            .Select(name => document.RootElement.TryGetProperty(name, out var value) ? value : (JsonElement?)null)
            .Single(value => value is not null)!.Value;
        var entries = array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;
        Assert.True(result.Aircraft.Count + result.Malformed == entries, context);
        Assert.Equal(Math.Min(result.Malformed, SnapshotParseResult.MaxErrorSamples), result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Matches(@"^(aircraft|ac|states)\[\d+\]", e));
        Assert.Equal(TimeSpan.Zero, result.Now.Offset);

        foreach (var a in result.Aircraft)
        {
            Assert.True(IcaoAddress.IsValid(a.Icao), context);
            Assert.Equal(a.Latitude.HasValue, a.Longitude.HasValue);
            Assert.Equal(a.Latitude.HasValue, a.PositionTime.HasValue);
            if (a.Latitude is { } lat && a.Longitude is { } lon)
            {
                Assert.InRange(lat, -90, 90);
                Assert.InRange(lon, -180, 180);
            }

            Assert.Equal(TimeSpan.Zero, a.Time.Offset);
            Assert.True(a.BarometricAltitudeFeet is null or (>= -2000 and <= 200_000), context);
            Assert.True(a.GeometricAltitudeFeet is null or (>= -2000 and <= 200_000), context);
            Assert.True(a.VerticalRateFeetPerMinute is null or (>= -100_000 and <= 100_000), context);
            Assert.True(a.GroundSpeedKnots is null || (double.IsFinite(a.GroundSpeedKnots.Value) && a.GroundSpeedKnots >= 0), context);
            Assert.True(a.TrackDegrees is null or (>= 0 and <= 360), context);
            if (a.Squawk is not null)
            {
                Assert.Matches("^[0-7]{4}$", a.Squawk);
            }

            foreach (var text in new[] { a.Callsign, a.Registration, a.TypeCode, a.Category, a.SourceType, a.OriginCountry })
            {
                Assert.True(text is null || (text.Length > 0 && text == text.Trim()), context);
            }
        }
    }

    private static void MutateArray(Random random, JsonArray entries, Action<Random, JsonNode> mutateEntry)
    {
        if (entries.Count == 0 || random.Next(10) == 0)
        {
            entries.Add(AnyValue(random));
            return;
        }

        var at = random.Next(entries.Count);
        switch (random.Next(8))
        {
            case 0:
                entries.RemoveAt(at);
                break;
            case 1:
                entries.Add(entries[at]?.DeepClone());
                break;
            case 2:
                entries[at] = AnyValue(random);
                break;
            default:
                if (entries[at] is { } entry)
                {
                    mutateEntry(random, entry);
                }

                break;
        }
    }

    private static void MutateReadsbEntry(Random random, JsonNode entry)
    {
        if (entry is not JsonObject obj)
        {
            return;
        }

        var name = random.Next(3) == 0 && obj.Count > 0
            ? obj.ElementAt(random.Next(obj.Count)).Key
            : ReadsbFieldNames[random.Next(ReadsbFieldNames.Length)];
        if (random.Next(6) == 0)
        {
            obj.Remove(name);
        }
        else
        {
            obj[name] = AnyValue(random);
        }
    }

    private static void MutateOpenSkyEntry(Random random, JsonNode entry)
    {
        if (entry is not JsonArray array || array.Count == 0)
        {
            return;
        }

        var at = random.Next(array.Count);
        switch (random.Next(5))
        {
            case 0:
                array.RemoveAt(at);
                break;
            case 1:
                array.Add(AnyValue(random));
                break;
            default:
                array[at] = AnyValue(random);
                break;
        }
    }

    private static byte[] DamageTopLevel(Random random, JsonObject root)
    {
        var copy = root.DeepClone().AsObject();
        var names = copy.Select(p => p.Key).Concat(["now", "time", "aircraft", "ac", "states"]).ToArray();
        var name = names[random.Next(names.Length)];
        switch (random.Next(4))
        {
            case 0:
                copy.Remove(name);
                break;
            case 1:
                copy[name] = AnyValue(random);
                break;
            case 2:
                copy[name] = new JsonArray();
                break;
            default:
                return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? $"[{ToText(copy)}]" : ToText(copy) + "}");
        }

        return Encoding.UTF8.GetBytes(ToText(copy));
    }

    /// <summary>
    /// One of <see cref="InterestingValues"/> as a node. Values with escapes (a lone surrogate cannot even be written
    /// by <see cref="JsonNode"/>) travel as a marker string that <see cref="ToText"/> swaps for the raw text.
    /// </summary>
    private static JsonNode? AnyValue(Random random)
    {
        var index = random.Next(InterestingValues.Length);
        var raw = InterestingValues[index];
        return raw.Contains('\\', StringComparison.Ordinal) ? JsonValue.Create($"@@RAW{index}@@") : JsonNode.Parse(raw);
    }

    private static string ToText(JsonNode node) =>
        Regex.Replace(node.ToJsonString(), "\"@@RAW(\\d+)@@\"", m => InterestingValues[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]);

    private static byte[] DamageBytes(Random random, byte[] json)
    {
        var bytes = new List<byte>(json);
        var interesting = "{}[],:\"0.-e \\"u8;
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = interesting[random.Next(interesting.Length)];
                    break;
                case 2:
                    bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default: // duplicate a short span, e.g. a property or element
                    var length = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
