using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

/// <summary>The hub speaks MessagePack beside JSON, and a frame carries the same content over both.</summary>
[Collection(ServerCollection.Name)]
public sealed class MessagePackHubTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_frame_decoded_from_messagepack_has_the_same_content_as_over_json()
    {
        var server = fixture.Server;
        var icao = Icao.New();
        var json = Channel.CreateUnbounded<JsonElement>();
        var messagePack = Channel.CreateUnbounded<object?>();
        await using var jsonClient = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/tracking")).Build();
        // The MessagePack client decodes into plain maps, arrays and values (as the JavaScript client does): no
        // LiveTrack types, so it sees exactly the names and values on the wire.
        await using var messagePackClient = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/tracking")).AddMessagePackProtocol().Build();
        jsonClient.On("Positions", [typeof(JsonElement)], args => json.Writer.WriteAsync((JsonElement)args[0]!).AsTask());
        messagePackClient.On("Positions", [typeof(object)], args => messagePack.Writer.WriteAsync(args[0]).AsTask());
        await jsonClient.StartAsync();
        await messagePackClient.StartAsync();
        await jsonClient.InvokeAsync<string>("SubscribeAircraft", icao);
        await messagePackClient.InvokeAsync<string>("SubscribeAircraft", icao);

        await server.PushSbs(Sbs.Identification(icao, "MSGPK01"), Sbs.Position(icao, 27.5, -111.25, 12000), Sbs.Velocity(icao, 420, 93, -640));

        var overJson = await Aircraft(json.Reader, f => JsonNode.Parse(f.GetRawText())!, icao);
        var overMessagePack = await Aircraft(messagePack.Reader, f => ToNode(f)!, icao);
        Assert.Equal("MSGPK01", overJson["callsign"]!.GetValue<string>());
        Assert.Equal("Adsb", overMessagePack["positionSource"]!.GetValue<string>());
        Assert.Equal(overJson.ToJsonString(), overMessagePack.ToJsonString());
    }

    [Fact]
    public async Task A_dotnet_client_reads_typed_frames_over_messagepack_with_the_servers_resolver()
    {
        var server = fixture.Server;
        var icao = Icao.New();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Hosting.HubJson.Configure(options);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/tracking"))
            .AddMessagePackProtocol(o => o.SerializerOptions = Tracking.JsonMessagePackResolver.Options(options))
            .Build();
        var client = new TrackingTestClient(connection);
        await connection.StartAsync();
        await client.SubscribeAircraft(icao);

        await server.PushSbs(Sbs.Position(icao, 27.5, -111.25, 12000));

        var aircraft = await client.WaitForAircraft(icao, a => a.Latitude is not null);
        Assert.Equal(27.5, aircraft.Latitude!.Value, 6);
        Assert.Equal(PositionSource.Adsb, aircraft.PositionSource);
    }

    /// <summary>The snapshot of <paramref name="icao"/> with a callsign and a speed from the first frame carrying one.</summary>
    private static async Task<JsonObject> Aircraft<T>(ChannelReader<T> frames, Func<T, JsonNode> toNode, string icao)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var frame = toNode(await frames.ReadAsync(cts.Token));
            var match = frame["aircraft"]!.AsArray().OfType<JsonObject>()
                .LastOrDefault(a => a["icao"]?.GetValue<string>() == icao && a["callsign"] is not null && a["groundSpeedKnots"] is not null && a["latitude"] is not null);
            if (match is not null)
            {
                return match;
            }
        }
    }

    /// <summary>A generically decoded MessagePack value as JSON.</summary>
    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create((string)p.Key, ToNode(p.Value)))),
        object?[] items => new JsonArray([.. items.Select(ToNode)]),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create((double)f),
        ulong u => JsonValue.Create(u),
        IConvertible integer => JsonValue.Create(integer.ToInt64(CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"Unexpected MessagePack value {value.GetType()}"),
    };
}
