using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LiveTrack.LoadGenerator;

/// <summary>
/// Creates F fences through the API: circles (64-vertex geodesic polygons, 5–50 nm) over the world, or with
/// <c>--layout packed</c> 16-vertex polygons (5–20 nm across) packed in lon −10…30, lat 35…60.
/// </summary>
internal static class Fences
{
    public static async Task<double> Create(HttpClient http, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        for (var first = 0; first < options.Fences; first += 500)
        {
            var features = Enumerable.Range(first, Math.Min(500, options.Fences - first)).Select(i => options.Packed
                ? PackedPolygon(i, random)
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{ "type": "Feature", "id": "load-{{i}}", "properties": { "radiusNm": {{5 + (random.NextDouble() * 45):0.0}} }, "geometry": { "type": "Point", "coordinates": [{{-180 + (random.NextDouble() * 360):0.000}}, {{-60 + (random.NextDouble() * 120):0.000}}] } }"""));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences")
            {
                Content = new StringContent($$"""{ "type": "FeatureCollection", "features": [{{string.Join(",", features)}}] }""", Encoding.UTF8, "application/geo+json"),
            };
            request.Headers.Add("X-Api-Key", options.ApiKey);
            var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"creating fences failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>A 16-vertex polygon (an irregular ring around a random centre in the packed area).</summary>
    private static string PackedPolygon(int i, Random random)
    {
        var (west, south, east, north) = LoadOptions.PackedArea;
        var lat = south + (random.NextDouble() * (north - south));
        var lon = west + (random.NextDouble() * (east - west));
        var ring = new List<string>(17);
        for (var k = 0; k < 16; k++)
        {
            var angle = k * Math.PI / 8;
            var radiusDegrees = (2.5 + (random.NextDouble() * 7.5)) / 60; // 2.5–10 nm
            ring.Add(string.Create(CultureInfo.InvariantCulture, $"[{lon + (radiusDegrees * Math.Sin(angle) / Math.Cos(lat * Math.PI / 180)):0.00000}, {lat + (radiusDegrees * Math.Cos(angle)):0.00000}]"));
        }

        ring.Add(ring[0]);
        return $$"""{ "type": "Feature", "id": "load-{{i}}", "properties": {}, "geometry": { "type": "Polygon", "coordinates": [[{{string.Join(", ", ring)}}]] } }""";
    }
}
