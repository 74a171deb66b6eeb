using System.Globalization;
using LiveTrack.Geo;
using static LiveTrack.Geofencing.Tests.TestFences;

namespace LiveTrack.Geofencing.Tests;

/// <summary>Seeded random fences of every kind the parser accepts, parsed through <see cref="GeofenceParser"/>.</summary>
internal static class RandomFences
{
    public static List<GeofenceDefinition> Create(int count, int seed)
    {
        var random = new Random(seed);
        var fences = new List<GeofenceDefinition>(count);
        while (fences.Count < count)
        {
            var i = fences.Count;
            var geometry = random.Next(20) switch
            {
                0 or 1 => Circle(-180 + (360 * random.NextDouble()), -89 + (178 * random.NextDouble())),
                2 or 3 => StarPolygon(random, new GeoPoint(-60 + (120 * random.NextDouble()), 175 + (10 * random.NextDouble())), 20 + (200 * random.NextDouble()), random.Next(16, 201)),
                4 => Polygon([(-180, 84 + (5 * random.NextDouble())), (0, 86), (180, 86), (180, 90), (-180, 90), (-180, 86)]),
                _ => StarPolygon(random, new GeoPoint(-80 + (160 * random.NextDouble()), -180 + (360 * random.NextDouble())), 5 + (300 * random.NextDouble()), random.Next(16, 201)),
            };

            var properties = new List<string> { $"\"id\":\"f{i:D5}\"" };
            if (geometry.Contains("Point", StringComparison.Ordinal))
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"\"radiusNm\":{1 + (299 * random.NextDouble()):F3}"));
            }

            if (random.Next(4) == 0)
            {
                var floor = random.Next(-1000, 30000);
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"\"floorFt\":{floor},\"ceilingFt\":{floor + random.Next(0, 20000)}"));
            }
            else if (random.Next(8) == 0)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"\"ceilingFt\":{random.Next(0, 20000)}"));
            }

            if (geometry.Contains("Polygon", StringComparison.Ordinal) && random.Next(10) == 0)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"\"bufferNm\":{random.Next(1, 30)}"));
            }

            var result = GeofenceParser.Parse(Feature(geometry, "{" + string.Join(",", properties) + "}"));

            // A random star can (rarely) cross itself in lon/lat; the parser refuses it and we draw another.
            if (result.IsValid)
            {
                fences.Add(result.Fences[0]);
            }
        }

        return fences;
    }
}
