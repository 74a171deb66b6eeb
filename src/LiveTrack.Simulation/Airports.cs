using LiveTrack.Geo;

namespace LiveTrack.Simulation;

/// <summary>The static table of major airports used by the simulator.</summary>
public static class Airports
{
    /// <summary>About forty large airports on every inhabited continent, including trans-Pacific pairs.</summary>
    public static IReadOnlyList<Airport> All { get; } =
    [
        // North America
        new("KJFK", "New York JFK", new GeoPoint(40.640, -73.779)),
        new("KLAX", "Los Angeles", new GeoPoint(33.942, -118.408)),
        new("KORD", "Chicago O'Hare", new GeoPoint(41.978, -87.905)),
        new("KATL", "Atlanta", new GeoPoint(33.637, -84.428)),
        new("KDFW", "Dallas/Fort Worth", new GeoPoint(32.897, -97.038)),
        new("KSFO", "San Francisco", new GeoPoint(37.619, -122.375)),
        new("KSEA", "Seattle-Tacoma", new GeoPoint(47.449, -122.309)),
        new("KMIA", "Miami", new GeoPoint(25.793, -80.291)),
        new("CYYZ", "Toronto Pearson", new GeoPoint(43.677, -79.631)),
        new("CYVR", "Vancouver", new GeoPoint(49.195, -123.184)),
        new("MMMX", "Mexico City", new GeoPoint(19.436, -99.072)),
        new("PANC", "Anchorage", new GeoPoint(61.174, -149.998)),
        new("PHNL", "Honolulu", new GeoPoint(21.319, -157.922)),

        // South America
        new("SBGR", "São Paulo Guarulhos", new GeoPoint(-23.432, -46.469)),
        new("SAEZ", "Buenos Aires Ezeiza", new GeoPoint(-34.822, -58.536)),
        new("SCEL", "Santiago", new GeoPoint(-33.393, -70.786)),
        new("SKBO", "Bogotá El Dorado", new GeoPoint(4.702, -74.147)),

        // Europe
        new("EGLL", "London Heathrow", new GeoPoint(51.470, -0.454)),
        new("LFPG", "Paris Charles de Gaulle", new GeoPoint(49.010, 2.548)),
        new("EDDF", "Frankfurt", new GeoPoint(50.033, 8.571)),
        new("EHAM", "Amsterdam Schiphol", new GeoPoint(52.309, 4.764)),
        new("LEMD", "Madrid Barajas", new GeoPoint(40.472, -3.561)),
        new("LIRF", "Rome Fiumicino", new GeoPoint(41.800, 12.239)),
        new("LTFM", "Istanbul", new GeoPoint(41.262, 28.742)),
        new("UUEE", "Moscow Sheremetyevo", new GeoPoint(55.973, 37.415)),

        // Africa and the Middle East
        new("HECA", "Cairo", new GeoPoint(30.122, 31.406)),
        new("DNMM", "Lagos", new GeoPoint(6.577, 3.321)),
        new("FAOR", "Johannesburg", new GeoPoint(-26.134, 28.242)),
        new("OMDB", "Dubai", new GeoPoint(25.253, 55.364)),
        new("OTHH", "Doha Hamad", new GeoPoint(25.273, 51.608)),

        // Asia
        new("VIDP", "Delhi", new GeoPoint(28.566, 77.103)),
        new("VABB", "Mumbai", new GeoPoint(19.089, 72.868)),
        new("VTBS", "Bangkok Suvarnabhumi", new GeoPoint(13.690, 100.750)),
        new("WSSS", "Singapore Changi", new GeoPoint(1.359, 103.989)),
        new("VHHH", "Hong Kong", new GeoPoint(22.308, 113.915)),
        new("ZBAA", "Beijing Capital", new GeoPoint(40.080, 116.585)),
        new("ZSPD", "Shanghai Pudong", new GeoPoint(31.143, 121.805)),
        new("RKSI", "Seoul Incheon", new GeoPoint(37.463, 126.440)),
        new("RJTT", "Tokyo Haneda", new GeoPoint(35.552, 139.780)),
        new("RJAA", "Tokyo Narita", new GeoPoint(35.765, 140.386)),

        // Oceania
        new("YSSY", "Sydney", new GeoPoint(-33.946, 151.177)),
        new("YMML", "Melbourne", new GeoPoint(-37.673, 144.843)),
        new("NZAA", "Auckland", new GeoPoint(-37.008, 174.792)),
        new("NFFN", "Nadi", new GeoPoint(-17.755, 177.443)),
    ];
}
