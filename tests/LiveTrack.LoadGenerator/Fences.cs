using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LiveTrack.LoadGenerator;

/// <summary>Creates F circular fences (64-vertex geodesic polygons, 5–50 nm) over the world through the API.</summary>
internal static class Fences
{
    public static async Task<double> Create(HttpClient http, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        for (var first = 0; first < options.Fences; first += 500)
        {
            var features = Enumerable.Range(first, Math.Min(500, options.Fences - first)).Select(i => string.Create(
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
}
