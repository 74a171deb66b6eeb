using System.Text.Json.Nodes;
using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

public class AlertRuleParserTests
{
    private const string Documented = """
        {
          "id": "recon-enters-12nm",
          "name": "Reconnaissance aircraft enters the 12 nm zone",
          "enabled": true,
          "trigger": { "kind": "geofence", "fenceId": "mx-territorial-sea", "events": ["entered"], "dwellMinutes": 20 },
          "filter": {
            "icao": ["ae01c5", "ae0000-afffff", "~1a2b3c"],
            "callsign": "^JAKE\\d+$",
            "registrations": ["N12345"], "typeCodes": ["R135"], "military": true,
            "altitudeFeet": { "min": 0, "max": 10000 },
            "speedKnots": { "min": 100 },
            "sources": ["Adsb", "Mlat"], "excludeSources": ["Mlat"]
          },
          "cooldownSeconds": 600,
          "webhooks": [ { "url": "http://127.0.0.1:9000/hook", "secret": "at-least-16-chars-long" } ]
        }
        """;

    [Fact]
    public void The_documented_example_becomes_the_rule_it_describes()
    {
        var rule = ParseValid(Documented);

        Assert.Equal("recon-enters-12nm", rule.Id);
        Assert.Equal("Reconnaissance aircraft enters the 12 nm zone", rule.Name);
        Assert.True(rule.Enabled);
        var trigger = Assert.IsType<GeofenceTrigger>(rule.Trigger);
        Assert.Equal("mx-territorial-sea", trigger.FenceId);
        Assert.Null(trigger.Tag);
        Assert.Equal([GeofenceEventKind.Entered], trigger.Kinds);
        Assert.Equal(Minutes(20), trigger.Dwell);
        Assert.Equal(
            [new IcaoRange(0xae01c5, 0xae01c5), new IcaoRange(0xae0000, 0xafffff), new IcaoRange(0x1a2b3c, 0x1a2b3c, nonIcao: true)],
            rule.Filter.IcaoRanges);
        Assert.Equal("^JAKE\\d+$", rule.Filter.Callsign!.ToString());
        Assert.Equal(["N12345"], rule.Filter.Registrations!);
        Assert.Equal(["R135"], rule.Filter.TypeCodes!);
        Assert.True(rule.Filter.Military);
        Assert.Equal(new NumberBand(0, 10_000), rule.Filter.AltitudeFeet);
        Assert.Equal(new NumberBand(100, null), rule.Filter.SpeedKnots);
        Assert.Equal([PositionSource.Adsb, PositionSource.Mlat], rule.Filter.Sources!.Order());
        Assert.Equal([PositionSource.Mlat], rule.Filter.ExcludeSources!);
        Assert.Equal(TimeSpan.FromMinutes(10), rule.Cooldown);
        var webhook = Assert.Single(rule.Webhooks);
        Assert.Equal(new Uri("http://127.0.0.1:9000/hook"), webhook.Url);
        Assert.Equal("at-least-16-chars-long", webhook.Secret);
    }

    [Fact]
    public void Optional_settings_take_their_defaults()
    {
        var geofence = ParseValid(Json("{'id':'r1','trigger':{'kind':'geofence','tag':'territorial'}}"));
        var squawk = ParseValid(Json("{'id':'r2','trigger':{'kind':'squawk','codes':['7500','7600','7700']}}"));
        var emergency = ParseValid(Json("{'id':'r3','trigger':{'kind':'emergency','heldSeconds':null},'filter':null,'webhooks':null}"));

        Assert.Equal("r1", geofence.Name);
        Assert.True(geofence.Enabled);
        Assert.Same(AircraftFilter.Any, geofence.Filter);
        Assert.Equal(TimeSpan.Zero, geofence.Cooldown);
        Assert.Empty(geofence.Webhooks);
        var byTag = Assert.IsType<GeofenceTrigger>(geofence.Trigger);
        Assert.Equal("territorial", byTag.Tag);
        Assert.Null(byTag.FenceId);
        Assert.Equal([GeofenceEventKind.Entered], byTag.Kinds);
        Assert.Null(byTag.Dwell);
        var codes = Assert.IsType<SquawkTrigger>(squawk.Trigger);
        Assert.Equal(["7500", "7600", "7700"], codes.Codes.Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.Zero, codes.HeldFor);
        Assert.Equal(TimeSpan.Zero, Assert.IsType<EmergencyTrigger>(emergency.Trigger).HeldFor);
        Assert.Same(AircraftFilter.Any, emergency.Filter);
    }

    [Fact]
    public void Property_names_and_enum_values_are_read_in_any_case()
    {
        // Except the trigger's kind, the serializer's type discriminator: see the next test.
        var rule = ParseValid(Json(
            "{'ID':'r1','Enabled':false,'Trigger':{'kind':'geofence','FENCEID':'mx-12nm','Events':['EXITED','lostinside']},"
            + "'Filter':{'Sources':['adsb','MLAT'],'ExcludeSources':['tisB']},'CooldownSeconds':1.5}"));

        Assert.False(rule.Enabled);
        var trigger = Assert.IsType<GeofenceTrigger>(rule.Trigger);
        Assert.Equal([GeofenceEventKind.Exited, GeofenceEventKind.LostInside], trigger.Kinds.Order());
        Assert.Equal([PositionSource.Adsb, PositionSource.Mlat], rule.Filter.Sources!.Order());
        Assert.Equal([PositionSource.Tisb], rule.Filter.ExcludeSources!);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), rule.Cooldown);
    }

    [Theory]
    [InlineData("{'id':'r1','trigger':{'KIND':'geofence','fenceId':'mx-12nm'}}", "required: geofence, squawk or emergency (the member is \"kind\", in lower case, not \"KIND\")")]
    [InlineData("{'id':'r1','trigger':{'kind':'GeoFence','fenceId':'mx-12nm'}}", "unknown trigger kind \"GeoFence\": kinds are written in lower case (\"geofence\")")]
    public void The_trigger_kind_is_written_in_lower_case(string document, string message)
    {
        var error = Assert.Single(AlertRuleParser.Parse(Json(document), Context()).Errors);

        Assert.Equal(("trigger.kind", Json(message)), (error.Field, error.Message));
    }

    [Theory]
    // The document
    [InlineData("not json", "$", "not valid JSON")]
    [InlineData("{'id':'r1',", "$", "not valid JSON")]
    [InlineData("[1,2]", "$", "expected a JSON object")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'cooldown':60}", "cooldown", "unknown property \"cooldown\"")]
    [InlineData("{'id':'r1','ID':'r2','trigger':{'kind':'emergency'}}", "id", "given more than once")]
    // Id, name, enabled
    [InlineData("{'trigger':{'kind':'emergency'}}", "id", "id is required")]
    [InlineData("{'id':'has space','trigger':{'kind':'emergency'}}", "id", "A–Z a–z 0–9 . _ ~ -")]
    [InlineData("{'id':'','trigger':{'kind':'emergency'}}", "id", "1–64 characters")]
    [InlineData("{'id':7,'trigger':{'kind':'emergency'}}", "id", "must be a string")]
    [InlineData("{'id':'r1','name':'  ','trigger':{'kind':'emergency'}}", "name", "1 to 200 characters")]
    [InlineData("{'id':'r1','enabled':'yes','trigger':{'kind':'emergency'}}", "enabled", "true or false")]
    // Trigger
    [InlineData("{'id':'r1'}", "trigger", "required")]
    [InlineData("{'id':'r1','trigger':null}", "trigger", "required")]
    [InlineData("{'id':'r1','trigger':{}}", "trigger", "is empty")]
    [InlineData("{'id':'r1','trigger':'squawk'}", "trigger", "must be an object")]
    [InlineData("{'id':'r1','trigger':{'codes':['7700']}}", "trigger.kind", "required")]
    [InlineData("{'id':'r1','trigger':{'kind':'altitude'}}", "trigger.kind", "unknown trigger kind \"altitude\"")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency','codes':['7700']}}", "trigger.codes", "unknown property \"codes\" of an emergency trigger")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','heldSeconds':5}}", "trigger.heldSeconds", "unknown property \"heldSeconds\" of a geofence trigger")]
    // Geofence trigger
    [InlineData("{'id':'r1','trigger':{'kind':'geofence'}}", "trigger.fenceId", "required")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','tag':'territorial'}}", "trigger.tag", "not both")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'nowhere'}}", "trigger.fenceId", "there is no geofence with the id \"nowhere\"")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'bad id'}}", "trigger.fenceId", "A–Z a–z 0–9")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','tag':''}}", "trigger.tag", "1 to 64 characters")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':'entered'}}", "trigger.events", "must be an array")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':[]}}", "trigger.events", "at least one")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['entered','landed']}}", "trigger.events[1]", "\"landed\" is not an event kind")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['entered','Entered']}}", "trigger.events[1]", "listed more than once")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['1']}}", "trigger.events[0]", "is not an event kind")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','dwellMinutes':0}}", "trigger.dwellMinutes", "greater than 0 and at most 1440 minutes")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','dwellMinutes':1441}}", "trigger.dwellMinutes", "greater than 0 and at most 1440 minutes")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','dwellMinutes':'20'}}", "trigger.dwellMinutes", "must be a number of minutes")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['entered','exited'],'dwellMinutes':20}}", "trigger.dwellMinutes", "only applies when events is [\"entered\"]")]
    [InlineData("{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['exited'],'dwellMinutes':20}}", "trigger.dwellMinutes", "only applies when events is [\"entered\"]")]
    // Squawk and emergency triggers
    [InlineData("{'id':'r1','trigger':{'kind':'squawk'}}", "trigger.codes", "required")]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':[]}}", "trigger.codes", "at least one")]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':['7700','7800']}}", "trigger.codes[1]", "\"7800\" is not a squawk code")]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':['770']}}", "trigger.codes[0]", "4 digits 0–7")]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':[7700]}}", "trigger.codes[0]", "7700 must be written as a string")]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':['7700'],'heldSeconds':-1}}", "trigger.heldSeconds", "from 0 to 3600 seconds")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency','heldSeconds':3601}}", "trigger.heldSeconds", "from 0 to 3600 seconds")]
    // Filter
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':[]}", "filter", "must be an object")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'callsigns':'^JAKE'}}", "filter.callsigns", "unknown property \"callsigns\" of a filter")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'callsign':'^(JAKE'}}", "filter.callsign", "callsign is not a valid regular expression: ")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'icao':['ae01c5','~1a2b3c','ae01c']}}", "filter.icao[2]", "\"ae01c\" is not an aircraft address")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'icao':['ae01cg']}}", "filter.icao[0]", "is not an aircraft address")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'icao':['~ae0000-af0000']}}", "filter.icao[0]", "is not an aircraft address")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'icao':['b00000-a00000']}}", "filter.icao[0]", "the range \"b00000-a00000\" starts above its end")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'icao':[]}}", "filter.icao", "at least one")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'icao':'ae01c5'}}", "filter.icao", "must be an array")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'registrations':['']}}", "filter.registrations[0]", "1 to 32 characters")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'typeCodes':['R135',135]}}", "filter.typeCodes[1]", "must be a string")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'military':'yes'}}", "filter.military", "true or false")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'altitudeFeet':{'min':5000,'max':1000}}}", "filter.altitudeFeet", "min (5000) is above max (1000)")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'altitudeFeet':{}}}", "filter.altitudeFeet", "give min, max or both")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'altitudeFeet':10000}}", "filter.altitudeFeet", "must be an object")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'speedKnots':{'min':'fast'}}}", "filter.speedKnots.min", "must be a number")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'speedKnots':{'min':100,'avg':200}}}", "filter.speedKnots.avg", "unknown property \"avg\" of a range")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'sources':['Radar']}}", "filter.sources[0]", "\"Radar\" is not a position source: expected one of Unknown, Adsb, Mlat, Tisb, Adsr, Other")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'sources':[]}}", "filter.sources", "at least one")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'excludeSources':['Adsb',2]}}", "filter.excludeSources[1]", "2 is not a position source")]
    // Cooldown
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'cooldownSeconds':86401}", "cooldownSeconds", "from 0 to 86400 seconds")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'cooldownSeconds':-5}", "cooldownSeconds", "from 0 to 86400 seconds")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'cooldownSeconds':'600'}", "cooldownSeconds", "must be a number of seconds")]
    // Webhooks
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':{'url':'http://127.0.0.1:9000/'}}", "webhooks", "must be an array")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':['http://127.0.0.1:9000/']}", "webhooks[0]", "must be an object with url and secret")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'secret':'0123456789abcdef'}]}", "webhooks[0].url", "required")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'/hook','secret':'0123456789abcdef'}]}", "webhooks[0].url", "must be an absolute http or https URL")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'ftp://127.0.0.1:9000/hook','secret':'0123456789abcdef'}]}", "webhooks[0].url", "must be an absolute http or https URL")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://user:pass@127.0.0.1:9000/hook','secret':'0123456789abcdef'}]}", "webhooks[0].url", "must not carry credentials")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://evil.example.net/hook','secret':'0123456789abcdef'}]}", "webhooks[0].url", "host \"evil.example.net\" (port 80) is not in the webhook allow-list")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9001/hook','secret':'0123456789abcdef'}]}", "webhooks[0].url", "host \"127.0.0.1\" (port 9001) is not in the webhook allow-list")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9000/hook'}]}", "webhooks[0].secret", "required")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9000/hook','secret':'short'}]}", "webhooks[0].secret", "16 to 256 characters long (it has 5)")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9000/hook','secret':1234567890123456}]}", "webhooks[0].secret", "must be a string")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9000/hook','secret':'0123456789abcdef','headers':{}}]}", "webhooks[0].headers", "unknown property \"headers\" of a webhook")]
    public void An_invalid_document_names_the_offending_field(string document, string field, string message)
    {
        var result = AlertRuleParser.Parse(Json(document), Context());

        Assert.False(result.IsValid);
        Assert.Null(result.Rule);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(Json(message), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':['7700'],'kind':'squawk'}}", "trigger.kind", "given more than once")]
    [InlineData("{'id':'r1','trigger':{'kind':'squawk','codes':['7700'],'CODES':['7600']}}", "trigger.codes", "given more than once")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'altitude.feet':1}}", "filter.altitude.feet", "unknown property \"altitude.feet\" of a filter: expected icao, callsign")]
    [InlineData("{'id':'r1','trigger':{'kind':7}}", "trigger.kind", "must be a string: geofence, squawk or emergency")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency','heldSeconds':'10'}}", "trigger.heldSeconds", "must be a number of seconds, from 0 to 3600")]
    [InlineData("{'id':'r1','trigger':{'kind':'emergency'},'webhooks':[{'url':'http://127.0.0.1:9000/','secret':'0123456789abcdef','hasSecret':'yes'}]}", "webhooks[0].hasSecret", "must be true or false")]
    public void A_shape_error_of_the_serializer_names_its_json_path_with_the_declared_names(string document, string field, string message)
    {
        var error = Assert.Single(AlertRuleParser.Parse(Json(document), Context()).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(Json(message), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kind_may_come_after_the_trigger_settings()
    {
        var rule = ParseValid(Json("{'id':'r1','trigger':{'codes':['7700'],'heldSeconds':5,'kind':'squawk'}}"));

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.IsType<SquawkTrigger>(rule.Trigger).HeldFor);
    }

    [Fact]
    public void Malformed_json_reports_where_the_parser_stopped()
    {
        var error = Assert.Single(AlertRuleParser.Parse("{\n  \"id\": \"r1\",\n  \"trigger\": {\n}", Context()).Errors);

        Assert.Equal("$", error.Field);
        Assert.Contains("LineNumber: 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_document_is_reported_not_just_the_first()
    {
        var result = AlertRuleParser.Parse(Json(
            "{'id':'r 1','trigger':{'kind':'squawk','codes':['7700','9999'],'heldSeconds':7200},"
            + "'filter':{'icao':['ae01c5','zz'],'altitudeFeet':{'min':10,'max':5},'sources':['Adsb','Sonar']},"
            + "'cooldownSeconds':-1,'webhooks':[{'url':'https://evil.example.net/','secret':'x'}]}"), Context());

        Assert.Equal(
            ["id", "trigger.codes[1]", "trigger.heldSeconds", "filter.icao[1]", "filter.altitudeFeet", "filter.sources[1]",
             "cooldownSeconds", "webhooks[0].url", "webhooks[0].secret"],
            result.Errors.Select(e => e.Field));
        Assert.Equal(["must be from 0 to 3600 seconds"], result.ErrorsByField()["trigger.heldSeconds"]);
    }

    [Fact]
    public void Limits_on_counts_are_enforced()
    {
        var codes = string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"{Convert.ToString(i, 8).PadLeft(4, '0')}\""));
        var webhooks = string.Join(",", Enumerable.Repeat("{\"url\":\"http://127.0.0.1:9000/\",\"secret\":\"0123456789abcdef\"}", 11));

        var tooManyCodes = Assert.Single(AlertRuleParser.Parse("{\"id\":\"r1\",\"trigger\":{\"kind\":\"squawk\",\"codes\":[" + codes + "]}}", Context()).Errors);
        var tooManyWebhooks = Assert.Single(AlertRuleParser.Parse("{\"id\":\"r1\",\"trigger\":{\"kind\":\"emergency\"},\"webhooks\":[" + webhooks + "]}", Context()).Errors);
        var longId = Assert.Single(AlertRuleParser.Parse("{\"id\":\"" + new string('a', 65) + "\",\"trigger\":{\"kind\":\"emergency\"}}", Context()).Errors);

        Assert.Equal(("trigger.codes", "65 entries; at most 64 are allowed"), (tooManyCodes.Field, tooManyCodes.Message));
        Assert.Equal(("webhooks", "11 webhooks; at most 10 are allowed"), (tooManyWebhooks.Field, tooManyWebhooks.Message));
        Assert.Equal("id", longId.Field);
        Assert.True(ParseValid("{\"id\":\"" + new string('a', 64) + "\",\"trigger\":{\"kind\":\"emergency\"}}").Id.Length == 64);
    }

    [Fact]
    public void The_id_in_the_path_is_the_rule_id_and_a_different_body_id_is_refused()
    {
        const string WithoutId = "{\"trigger\":{\"kind\":\"emergency\"}}";
        const string WithId = "{\"id\":\"other\",\"trigger\":{\"kind\":\"emergency\"}}";

        var fromPath = ParseValid(WithoutId, Context(idFromPath: "from-path"));
        var same = ParseValid("{\"id\":\"from-path\",\"trigger\":{\"kind\":\"emergency\"}}", Context(idFromPath: "from-path"));
        var conflict = AlertRuleParser.Parse(WithId, Context(idFromPath: "from-path"));

        Assert.Equal("from-path", fromPath.Id);
        Assert.Equal("from-path", fromPath.Name);
        Assert.Equal("from-path", same.Id);
        var error = Assert.Single(conflict.Errors);
        Assert.Equal("id", error.Field);
        Assert.Contains("\"other\" differs from the id in the path, \"from-path\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_is_trimmed()
    {
        Assert.Equal("Squawk watch", ParseValid(Json("{'id':'r1','name':'  Squawk watch ','trigger':{'kind':'emergency'}}")).Name);
    }

    [Fact]
    public void A_rule_written_with_secrets_reads_back_as_the_same_rule()
    {
        var documents = new[]
        {
            Documented,
            Json("{'id':'tagged','name':'Tagged','enabled':false,'trigger':{'kind':'geofence','tag':'territorial','events':['entered','exited','lostInside']},'cooldownSeconds':0.25}"),
            Json("{'id':'hijack','trigger':{'kind':'squawk','codes':['7700','7500'],'heldSeconds':10},'filter':{'icao':['~000001-~000fff'],'typeCodes':['c17','R135']},"
                + "'webhooks':[{'url':'https://hooks.example.com/a?b=c','secret':'0123456789abcdef'},{'url':'http://127.0.0.1:9000/x','secret':'fedcba9876543210'}]}"),
            Json("{'id':'mayday','trigger':{'kind':'emergency','heldSeconds':2.5},'filter':{'military':false,'speedKnots':{'max':250.5}}}"),
        };

        foreach (var document in documents)
        {
            var original = ParseValid(document);
            var written = AlertRuleJson.Write(original, includeSecrets: true);
            var reread = ParseValid(written);

            Assert.Equal(written, AlertRuleJson.Write(reread, includeSecrets: true));
            Assert.Equal(original.Id, reread.Id);
            Assert.Equal(original.Name, reread.Name);
            Assert.Equal(original.Enabled, reread.Enabled);
            Assert.Equal(original.Cooldown, reread.Cooldown);
            Assert.Equal(original.Webhooks, reread.Webhooks);
            Assert.Equal(original.Filter.IcaoRanges, reread.Filter.IcaoRanges);
            Assert.Equal(original.Filter.Callsign?.ToString(), reread.Filter.Callsign?.ToString());
            Assert.Equal(original.Filter.AltitudeFeet, reread.Filter.AltitudeFeet);
            Assert.Equal(original.Filter.SpeedKnots, reread.Filter.SpeedKnots);
            Assert.Equal(original.Filter.Military, reread.Filter.Military);
            Assert.Equal(original.Trigger.GetType(), reread.Trigger.GetType());
        }
    }

    [Fact]
    public void The_written_document_uses_the_documented_names()
    {
        var written = AlertRuleJson.Write(ParseValid(Json(
            "{'id':'r1','trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['lostInside','exited']},'filter':{'callsign':'^JAKE\\\\d+$','sources':['Mlat']},'cooldownSeconds':600}")),
            includeSecrets: true);

        Assert.Equal(
            Json("{'id':'r1','name':'r1','enabled':true,'trigger':{'kind':'geofence','fenceId':'mx-12nm','events':['exited','lostInside']},"
                + "'filter':{'callsign':'^JAKE\\\\d+$','sources':['Mlat']},'cooldownSeconds':600,'webhooks':[]}"),
            written);
    }

    [Fact]
    public void Without_secrets_webhooks_only_say_they_have_one_and_the_document_reparses_once_secrets_are_added()
    {
        var rule = ParseValid(Documented);

        var forApi = AlertRuleJson.Write(rule, includeSecrets: false);
        var withoutSecrets = AlertRuleParser.Parse(forApi, Context());
        var document = JsonNode.Parse(forApi)!;
        document["webhooks"]![0]!["secret"] = "at-least-16-chars-long";
        var withSecrets = ParseValid(document.ToJsonString());

        Assert.DoesNotContain("at-least-16-chars-long", forApi, StringComparison.Ordinal);
        Assert.Contains("{\"url\":\"http://127.0.0.1:9000/hook\",\"hasSecret\":true}", forApi, StringComparison.Ordinal);
        Assert.Equal(["webhooks[0].secret"], withoutSecrets.Errors.Select(e => e.Field));
        Assert.Equal(AlertRuleJson.Write(rule, includeSecrets: true), AlertRuleJson.Write(withSecrets, includeSecrets: true));
    }

    [Fact]
    public void A_webhook_target_never_prints_its_secret()
    {
        var target = new WebhookTarget(new Uri("http://127.0.0.1:9000/hook"), "do-not-print-this-secret");

        Assert.Equal("WebhookTarget { Url = http://127.0.0.1:9000/hook, Secret = *** }", target.ToString());
    }
}
