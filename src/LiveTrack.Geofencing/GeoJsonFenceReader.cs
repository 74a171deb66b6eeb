using System.Text.Json;
using LiveTrack.Geo;
using NetTopologySuite.Geometries;
using static System.FormattableString;

namespace LiveTrack.Geofencing;

/// <summary>
/// Walks a GeoJSON document for <see cref="GeofenceParser"/>: checks its shape, collects errors with their field
/// paths, and hands well-formed geometry to <see cref="FenceGeometryBuilder"/>. Single use.
/// </summary>
internal sealed class GeoJsonFenceReader(Func<string> newId)
{
    private const int MaxIdLength = 64;
    private const int MaxNameLength = 200;
    private const int MaxTags = 32;
    private const int MaxTagLength = 64;

    private static readonly string[] GeometryTypes =
        ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];

    private readonly List<GeofenceValidationError> errors = [];
    private readonly List<GeofenceDefinition> fences = [];
    private readonly Dictionary<string, string> idFields = new(StringComparer.Ordinal);

    private bool Full => errors.Count >= GeofenceParser.MaxErrors;

    public GeofenceParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", "expected a GeoJSON object: a Feature or a FeatureCollection");
        }
        else
        {
            switch (ReadType(root, "type", out var type))
            {
                case TypeState.Missing:
                    Error("type", "required: \"Feature\" or \"FeatureCollection\"");
                    break;
                case TypeState.Present when type == "Feature":
                    ReadFeature(root, "");
                    break;
                case TypeState.Present when type == "FeatureCollection":
                    ReadCollection(root);
                    break;
                default:
                    Error("type", GeometryTypes.Contains(type, StringComparer.Ordinal)
                        ? $"a bare {type} geometry is not accepted: wrap it in a Feature (or use a FeatureCollection)"
                        : $"unsupported type \"{type}\": expected \"Feature\" or \"FeatureCollection\"");
                    break;
            }
        }

        return new GeofenceParseResult(fences, errors);
    }

    private void ReadCollection(JsonElement root)
    {
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            Error("features", "required: an array of Features");
            return;
        }

        var count = features.GetArrayLength();
        if (count == 0)
        {
            Error("features", "must contain at least one Feature");
            return;
        }

        if (count > GeofenceParser.MaxFeatures)
        {
            Error("features", Invariant($"{count} features; at most {GeofenceParser.MaxFeatures} fit in one document"));
            return;
        }

        var i = 0;
        foreach (var feature in features.EnumerateArray())
        {
            if (Full)
            {
                return;
            }

            ReadFeature(feature, Invariant($"features[{i}]."));
            i++;
        }
    }

    private void ReadFeature(JsonElement feature, string prefix)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            Error(prefix.Length == 0 ? "$" : prefix.TrimEnd('.'), "expected a Feature object");
            return;
        }

        var errorsBefore = errors.Count;
        if (prefix.Length > 0)
        {
            // A single Feature's type was checked by the caller.
            var state = ReadType(feature, "type", out var type);
            if (state != TypeState.Present || type != "Feature")
            {
                Error(prefix + "type", "must be \"Feature\"");
            }
        }

        var properties = ReadProperties(feature, prefix);
        var geometry = ReadGeometry(feature, prefix, properties);
        if (errors.Count > errorsBefore || geometry is null || Full)
        {
            return;
        }

        if (properties.BufferNauticalMiles > 0 && geometry.Circle is null)
        {
            var buffered = GeodesicBuffer.Apply(geometry.Shape!, properties.BufferNauticalMiles, out var bufferError);
            if (buffered is null)
            {
                Error(prefix + "properties.bufferNm", bufferError!);
                return;
            }

            geometry = geometry with { Shape = buffered };
        }

        var id = properties.Id ?? newId();
        var name = properties.Name ?? id;
        fences.Add(new GeofenceDefinition(
            id,
            name,
            properties.Tags,
            geometry.Shape!,
            properties.FloorFeet,
            properties.CeilingFeet,
            properties.BufferNauticalMiles,
            feature.GetRawText()));
    }

    private Properties ReadProperties(JsonElement feature, string prefix)
    {
        var result = new Properties();
        var featureId = ReadFeatureId(feature, prefix);
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind == JsonValueKind.Null)
        {
            return result with { Id = Claim(featureId, prefix + "id") };
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            Error(prefix + "properties", "must be an object or null");
            return result;
        }

        var path = prefix + "properties.";
        var id = ReadString(properties, "id", path + "id", MaxIdLength);
        if (id is not null && !IsValidId(id))
        {
            Error(path + "id", "must be 1–64 characters of A–Z a–z 0–9 . _ ~ -, not \".\" or \"..\"");
            id = null;
        }

        if (id is not null && featureId is not null && id != featureId)
        {
            Error(path + "id", $"differs from the Feature's id \"{featureId}\"");
        }

        result = result with
        {
            Id = id is not null ? Claim(id, path + "id") : Claim(featureId, prefix + "id"),
            Name = ReadString(properties, "name", path + "name", MaxNameLength),
            Tags = ReadTags(properties, path + "tags"),
            FloorFeet = ReadAltitude(properties, "floorFt", path + "floorFt"),
            CeilingFeet = ReadAltitude(properties, "ceilingFt", path + "ceilingFt"),
            BufferNauticalMiles = ReadNumber(properties, "bufferNm", path + "bufferNm", 0, GeofenceParser.MaxBufferNauticalMiles, minInclusive: true) ?? 0,
            RadiusNauticalMiles = ReadNumber(properties, "radiusNm", path + "radiusNm", 0, GeofenceParser.MaxRadiusNauticalMiles, minInclusive: false),
            HasRadius = properties.TryGetProperty("radiusNm", out var radius) && radius.ValueKind != JsonValueKind.Null,
        };

        if (result.FloorFeet is { } floor && result.CeilingFeet is { } ceiling && floor > ceiling)
        {
            Error(path + "floorFt", Invariant($"floorFt ({floor}) is above ceilingFt ({ceiling})"));
        }

        return result;
    }

    private string? ReadFeatureId(JsonElement feature, string prefix)
    {
        if (!feature.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };

        if (text is null || !IsValidId(text))
        {
            Error(prefix + "id", "must be a string or number of 1–64 characters of A–Z a–z 0–9 . _ ~ -");
            return null;
        }

        return text;
    }

    /// <summary>Records which field gave an id, reporting a second feature with the same id.</summary>
    private string? Claim(string? id, string field)
    {
        if (id is null)
        {
            return null;
        }

        if (idFields.TryGetValue(id, out var first))
        {
            Error(field, $"the id \"{id}\" is already used by {first}");
        }
        else
        {
            idFields[id] = field;
        }

        return id;
    }

    // "." and ".." are refused: they name directories, never a document.
    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id is not ("." or "..") && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-');

    private string? ReadString(JsonElement obj, string name, string path, int maxLength)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, "must be a string");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0 || text.Length > maxLength)
        {
            Error(path, Invariant($"must be 1 to {maxLength} characters"));
            return null;
        }

        return text;
    }

    private string[] ReadTags(JsonElement properties, string path)
    {
        if (!properties.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (tags.ValueKind != JsonValueKind.Array)
        {
            Error(path, "must be an array of strings");
            return [];
        }

        var count = tags.GetArrayLength();
        if (count > MaxTags)
        {
            Error(path, Invariant($"{count} tags; at most {MaxTags} are allowed"));
            return [];
        }

        var result = new List<string>(count);
        var i = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            var itemPath = Invariant($"{path}[{i++}]");
            if (tag.ValueKind != JsonValueKind.String)
            {
                Error(itemPath, "must be a string");
                continue;
            }

            var text = tag.GetString()!.Trim();
            if (text.Length == 0 || text.Length > MaxTagLength)
            {
                Error(itemPath, Invariant($"must be 1 to {MaxTagLength} characters"));
            }
            else if (!result.Contains(text, StringComparer.Ordinal))
            {
                result.Add(text);
            }
        }

        return [.. result];
    }

    private int? ReadAltitude(JsonElement properties, string name, string path)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var feet) || feet != Math.Floor(feet))
        {
            Error(path, "must be a whole number of feet");
            return null;
        }

        if (feet is < GeofenceParser.MinAltitudeFeet or > GeofenceParser.MaxAltitudeFeet)
        {
            Error(path, Invariant($"must be between {GeofenceParser.MinAltitudeFeet} and {GeofenceParser.MaxAltitudeFeet} feet"));
            return null;
        }

        return (int)feet;
    }

    private double? ReadNumber(JsonElement properties, string name, string path, double min, double max, bool minInclusive)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Error(path, "must be a number of nautical miles");
            return null;
        }

        if ((minInclusive ? number < min : number <= min) || number > max)
        {
            Error(path, minInclusive
                ? Invariant($"must be between {min} and {max} nautical miles")
                : Invariant($"must be greater than {min} and at most {max} nautical miles"));
            return null;
        }

        return number;
    }

    private RawGeometry? ReadGeometry(JsonElement feature, string prefix, Properties properties)
    {
        var path = prefix + "geometry";
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
        {
            Error(path, "required: a Polygon, a MultiPolygon, or a Point with properties.radiusNm (a circle)");
            return null;
        }

        if (geometry.ValueKind != JsonValueKind.Object)
        {
            Error(path, "must be a GeoJSON geometry object");
            return null;
        }

        var state = ReadType(geometry, "type", out var type);
        if (state != TypeState.Present)
        {
            Error(path + ".type", "required: \"Polygon\", \"MultiPolygon\" or \"Point\"");
            return null;
        }

        if (type != "Point" && properties.HasRadius)
        {
            Error(prefix + "properties.radiusNm", "only applies to a Point geometry (a circle)");
        }

        if (type is not ("Polygon" or "MultiPolygon" or "Point"))
        {
            Error(path + ".type", $"unsupported geometry type \"{type}\": expected \"Polygon\", \"MultiPolygon\", or \"Point\" with properties.radiusNm (a circle)");
            return null;
        }

        var coordinatesPath = path + ".coordinates";
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            Error(coordinatesPath, type == "Point" ? "required: a position [longitude, latitude]" : "required: an array");
            return null;
        }

        return type switch
        {
            "Point" => ReadCircle(coordinates, coordinatesPath, prefix, properties),
            "Polygon" => ReadPolygons([(coordinates, coordinatesPath)], coordinatesPath, multi: false),
            _ => ReadMultiPolygon(coordinates, coordinatesPath),
        };
    }

    private RawGeometry? ReadCircle(JsonElement coordinates, string path, string prefix, Properties properties)
    {
        if (!ReadPosition(coordinates, path, 180, out var centre))
        {
            return null;
        }

        if (properties.RadiusNauticalMiles is not { } radius)
        {
            if (!properties.HasRadius)
            {
                Error(prefix + "properties.radiusNm", Invariant(
                    $"required for a Point geometry: the circle's radius in nautical miles (0 < radiusNm ≤ {GeofenceParser.MaxRadiusNauticalMiles})"));
            }

            return null;
        }

        var shape = GeodesicCircle.Create(new GeoPoint(centre.Y, centre.X), radius + properties.BufferNauticalMiles);
        return new RawGeometry(shape, centre);
    }

    private RawGeometry? ReadMultiPolygon(JsonElement coordinates, string path)
    {
        if (coordinates.GetArrayLength() == 0)
        {
            Error(path, "a MultiPolygon needs at least one polygon");
            return null;
        }

        var polygons = coordinates.EnumerateArray().Select((p, i) => (p, Invariant($"{path}[{i}]"))).ToArray();
        return ReadPolygons(polygons, path, multi: true);
    }

    private RawGeometry? ReadPolygons((JsonElement Element, string Path)[] polygons, string coordinatesPath, bool multi)
    {
        var raw = new List<RawPolygon>(polygons.Length);
        var vertices = 0;
        var ok = true;
        foreach (var (element, path) in polygons)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                Error(path, "a polygon must be an array of linear rings");
                ok = false;
                continue;
            }

            if (element.GetArrayLength() == 0)
            {
                Error(path, "a polygon needs at least one linear ring (its outline)");
                ok = false;
                continue;
            }

            var rings = new List<Coordinate[]>();
            var r = 0;
            foreach (var ring in element.EnumerateArray())
            {
                var ringPath = Invariant($"{path}[{r++}]");
                if (ring.ValueKind == JsonValueKind.Array)
                {
                    vertices += ring.GetArrayLength();
                    if (vertices > GeofenceParser.MaxVertices)
                    {
                        Error(coordinatesPath, Invariant($"too many positions: at most {GeofenceParser.MaxVertices} per fence"));
                        return null;
                    }
                }

                var coordinates = ReadRing(ring, ringPath);
                if (coordinates is null)
                {
                    ok = false;
                }
                else
                {
                    rings.Add(coordinates);
                }

                if (Full)
                {
                    return null;
                }
            }

            raw.Add(new RawPolygon(path, rings));
        }

        if (!ok)
        {
            return null;
        }

        var shape = FenceGeometryBuilder.Build(raw, coordinatesPath, multi, Error);
        return shape is null ? null : new RawGeometry(shape, null);
    }

    private Coordinate[]? ReadRing(JsonElement ring, string path)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            Error(path, "a linear ring must be an array of positions");
            return null;
        }

        var count = ring.GetArrayLength();
        if (count < 4)
        {
            Error(path, Invariant($"a linear ring needs at least 4 positions (the first repeated at the end); this one has {count}"));
            return null;
        }

        var coordinates = new Coordinate[count];
        var ok = true;
        var i = 0;
        foreach (var position in ring.EnumerateArray())
        {
            ok &= ReadPosition(position, Invariant($"{path}[{i}]"), 540, out coordinates[i]);
            i++;
        }

        if (!ok)
        {
            return null;
        }

        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            Error(Invariant($"{path}[{count - 1}]"), Invariant(
                $"the ring is not closed: its last position must repeat its first, [{coordinates[0].X}, {coordinates[0].Y}]"));
            return null;
        }

        return coordinates;
    }

    private bool ReadPosition(JsonElement position, string path, double maxLongitude, out Coordinate coordinate)
    {
        coordinate = new Coordinate();
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3)
        {
            Error(path, "a position must be [longitude, latitude] or [longitude, latitude, altitude]");
            return false;
        }

        Span<double> values = stackalloc double[3];
        var i = 0;
        foreach (var item in position.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
            {
                Error(path, "a position must contain numbers only");
                return false;
            }

            i++;
        }

        var (longitude, latitude) = (values[0], values[1]);
        if (latitude is < -90 or > 90)
        {
            Error(path, Invariant($"latitude {latitude} is outside -90..90"));
            return false;
        }

        if (Math.Abs(longitude) > maxLongitude)
        {
            Error(path, maxLongitude <= 180
                ? Invariant($"longitude {longitude} is outside -180..180")
                : Invariant($"longitude {longitude} is outside -540..540 (beyond ±180 only for a polygon continuing across the antimeridian)"));
            return false;
        }

        coordinate = new Coordinate(longitude, latitude);
        return true;
    }

    private static TypeState ReadType(JsonElement obj, string name, out string type)
    {
        type = "";
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return TypeState.Missing;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            type = value.GetRawText();
            return TypeState.NotString;
        }

        type = value.GetString()!;
        return TypeState.Present;
    }

    private void Error(string field, string message)
    {
        if (!Full)
        {
            errors.Add(new GeofenceValidationError(field, message));
        }
    }

    private enum TypeState
    {
        Missing,
        NotString,
        Present,
    }

    private sealed record Properties
    {
        public string? Id { get; init; }

        public string? Name { get; init; }

        public IReadOnlyList<string> Tags { get; init; } = [];

        public int? FloorFeet { get; init; }

        public int? CeilingFeet { get; init; }

        public double BufferNauticalMiles { get; init; }

        public double? RadiusNauticalMiles { get; init; }

        public bool HasRadius { get; init; }
    }

    /// <summary>A fence's horizontal shape before buffering (circles are already final), and a circle's centre.</summary>
    private sealed record RawGeometry(Geometry? Shape, Coordinate? Circle);
}

/// <summary>One polygon as read: its rings (closed, at least 4 positions each) and its path in the document.</summary>
internal sealed record RawPolygon(string Path, IReadOnlyList<Coordinate[]> Rings);
