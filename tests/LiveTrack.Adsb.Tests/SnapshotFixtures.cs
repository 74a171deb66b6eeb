using System.Text;

namespace LiveTrack.Adsb.Tests;

/// <summary>
/// Hand-written JSON snapshot documents in the shapes readsb/tar1090, ADS-B Exchange v2, dump1090-mutability and the
/// OpenSky REST API serve. All use the same clock: 1732363200 = 2024-11-23 12:00:00 UTC.
/// </summary>
internal static class SnapshotFixtures
{
    public const long NowSeconds = 1_732_363_200;

    /// <summary>
    /// readsb aircraft.json, now = 12:00:00.500. Entries: 0 airliner (ADS-B, every field, extra unknown fields),
    /// 1 on the ground, 2 MLAT without "type", 3 non-ICAO TIS-B target, 4 military with emergency, 5 no position,
    /// 6 nothing but "hex".
    /// </summary>
    public const string Readsb = """
        {
          "now": 1732363200.5,
          "messages": 18734512,
          "aircraft": [
            {
              "hex": "4CA7B2", "type": "adsb_icao", "flight": "EIN6TK  ", "r": "EI-FNH", "t": "A320",
              "alt_baro": 36000, "alt_geom": 36550, "gs": 452.3, "ias": 262, "track": 87.25,
              "baro_rate": -64, "geom_rate": -32, "squawk": "1234", "emergency": "none", "category": "A3",
              "nav_modes": ["autopilot", "vnav", "tcas"], "lat": 53.4213, "lon": -6.2701, "nic": 8, "rc": 186,
              "seen_pos": 1.2, "version": 2, "spi": 0, "dbFlags": 0, "mlat": [], "tisb": [], "messages": 4211,
              "seen": 0.4, "rssi": -19.8, "lastPosition": { "lat": 53.4, "lon": -6.2, "seen_pos": 40.1 }
            },
            {
              "hex": "3c6dd4", "type": "adsb_icao", "flight": "DLH4AB  ", "alt_baro": "ground", "gs": 12.5,
              "track": 271.4, "squawk": "1000", "category": "A5", "lat": 50.03412, "lon": 8.5587,
              "seen_pos": 3.0, "seen": 0.2
            },
            {
              "hex": "a1b2c3", "alt_baro": 12000, "gs": 250, "track": 180, "geom_rate": 640,
              "squawk": "1289", "lat": 39.8562, "lon": -104.6737, "seen_pos": 5.5,
              "mlat": ["gs", "track", "lat", "lon"], "tisb": [], "seen": 5.5
            },
            {
              "hex": "~2501fa", "type": "tisb_other", "alt_baro": 4500, "lat": 33.9, "lon": -118.4,
              "spi": true, "seen": 2
            },
            {
              "hex": "ae01c5", "type": "adsb_icao", "flight": "JAKE21  ", "r": "64-14846", "t": "R135",
              "dbFlags": 9, "alt_baro": 31000, "squawk": "7700", "emergency": "general",
              "lat": 27.0, "lon": -111.5, "seen_pos": 0.0, "seen": 0.0
            },
            {
              "hex": "e48df6", "type": "mode_s", "flight": "        ", "alt_baro": 8000, "squawk": "4321",
              "seen_pos": 30.1, "seen": 12.3
            },
            { "hex": "48418c" }
          ]
        }
        """;

    /// <summary>ADS-B Exchange v2: "ac" comes before "now", and "now" is in milliseconds (12:00:00.500).</summary>
    public const string AdsbExchange = """
        {
          "ac": [
            {
              "hex": "a835af", "type": "adsb_icao", "flight": "N651QS  ", "r": "N651QS", "t": "C68A",
              "alt_baro": 41000, "alt_geom": 41775, "gs": 431.1, "track": 262.07, "baro_rate": 0,
              "squawk": "5521", "emergency": "none", "category": "A2", "lat": 38.123456, "lon": -98.654321,
              "seen_pos": 0.6, "dbFlags": 0, "mlat": [], "tisb": [], "seen": 0.1
            },
            {
              "hex": "ae5420", "type": "adsb_icao", "flight": "RCH845  ", "t": "C17", "dbFlags": 1,
              "alt_baro": "ground", "gs": 0, "lat": 47.1375, "lon": -122.4768, "seen_pos": 20.25, "seen": 20.25
            }
          ],
          "msg": "No error",
          "now": 1732363200500,
          "total": 2,
          "ctime": 1732363200512,
          "ptime": 14
        }
        """;

    /// <summary>dump1090-mutability aircraft.json: altitude/speed/vert_rate instead of alt_baro/gs/baro_rate.</summary>
    public const string Dump1090Mutability = """
        {
          "now": 1732363200.0,
          "messages": 905721,
          "aircraft": [
            {
              "hex": "4ca7b2", "squawk": "2000", "flight": "RYR12AB ", "lat": 53.1, "lon": -6.1, "nucp": 7,
              "seen_pos": 0.8, "altitude": 24000, "vert_rate": 1472, "track": 45, "speed": 388,
              "category": "A3", "mlat": [], "tisb": [], "messages": 250, "seen": 0.3, "rssi": -12.5
            },
            { "hex": "3c6dd4", "altitude": "ground", "speed": 3, "mlat": [], "tisb": [], "messages": 12, "seen": 1.1, "rssi": -30.2 },
            { "hex": "4b1814", "altitude": 5000, "lat": 47.5, "lon": 8.6, "mlat": ["lat", "lon"], "seen_pos": 2.5, "seen": 2.5 }
          ]
        }
        """;

    /// <summary>
    /// OpenSky /api/states/all at time 1732363200. Entries: 0 airliner (17 elements), 1 nulls in every nullable
    /// position, 2 military MLAT with category 6 and sensors, 3 on the ground with category 1 ("no information").
    /// </summary>
    public const string OpenSky = """
        {
          "time": 1732363200,
          "states": [
            ["4b1814", "SWR123  ", "Switzerland", 1732363198, 1732363199, 8.5492, 47.4582, 10972.8, false,
             231.5, 92.3, -5.2, null, 11277.6, "1000", false, 0],
            ["a0b1c2", null, "United States", null, 1732363150, null, null, null, false,
             null, null, null, null, null, null, false, 0],
            ["ae01c5", "JAKE21  ", "United States", 1732363195, 1732363199, -111.5, 27.25, 9448.8, false,
             205.8, 135, 2.54, [1234, 5678], 9601.2, "7700", true, 2, 6],
            ["3c6dd4", "DLH4AB  ", "Germany", 1732363190, 1732363199, 8.5587, 50.03412, null, true,
             6.43, 271.4, null, null, null, "1000", false, 0, 1]
          ]
        }
        """;

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public static DateTimeOffset At(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    /// <summary>12:00:00 plus <paramref name="milliseconds"/>.</summary>
    public static DateTimeOffset Noon(long milliseconds) => At((NowSeconds * 1000) + milliseconds);

    public static SnapshotParseResult ParseReadsb(string json)
    {
        Assert.True(ReadsbJsonParser.TryParse(Utf8(json), out var result, out var error), error);
        return result;
    }

    public static SnapshotParseResult ParseOpenSky(string json)
    {
        Assert.True(OpenSkyStatesParser.TryParse(Utf8(json), out var result, out var error), error);
        return result;
    }
}
