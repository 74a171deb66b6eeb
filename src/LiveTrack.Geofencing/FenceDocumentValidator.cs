using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveTrack.Geo;
using LiveTrack.Geofencing.Documents;
using LiveTrack.JsonShapes;
using NetTopologySuite.Geometries;
using static System.FormattableString;

namespace LiveTrack.Geofencing;

/// <summary>
/// Reads a GeoJSON document for <see cref="GeofenceParser"/>: the source-generated serializer reads each Feature's
/// shape (<see cref="FeatureDocument"/>; its errors are located by <see cref="ShapeErrors"/>), then one validation
/// step checks the values, collecting every error with its field path, and hands well-formed geometry to
/// <see cref="FenceGeometryBuilder"/>. Single use.
/// </summary>
internal sealed class FenceDocumentValidator(Func<string> newId)
{
    private const int MaxIdLength = 64;
    private const int MaxNameLength = 200;
    private const int MaxTags = 32;
    private const int MaxTagLength = 64;
    private const string GeometryKinds = "\"Polygon\", \"MultiPolygon\", or \"Point\" with properties.radiusNm (a circle)";
    private const string PositionShape = "a position must be [longitude, latitude] or [longitude, latitude, altitude]";

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
            return new GeofenceParseResult(fences, errors);
        }

        var type = root.TryGetProperty("type", out var t) ? t : default;
        switch (type.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                Error("type", "required: \"Feature\" or \"FeatureCollection\"");
                break;
            case JsonValueKind.String when type.ValueEquals("Feature"):
                if (Deserialize(root, FenceDocumentJsonContext.Default.FeatureDocument, "") is { } feature)
                {
                    ReadFeature(feature, root, "");
                }

                break;
            case JsonValueKind.String when type.ValueEquals("FeatureCollection"):
                if (Deserialize(root, FenceDocumentJsonContext.Default.FeatureCollectionDocument, "") is { } collection)
                {
                    ReadCollection(collection);
                }

                break;
            default:
                var name = type.ValueKind == JsonValueKind.String ? type.GetString()! : type.GetRawText();
                Error("type", GeometryTypes.Contains(name, StringComparer.Ordinal)
                    ? $"a bare {name} geometry is not accepted: wrap it in a Feature (or use a FeatureCollection)"
                    : $"unsupported type \"{name}\": expected \"Feature\" or \"FeatureCollection\"");
                break;
        }

        return new GeofenceParseResult(fences, errors);
    }

    private void ReadCollection(FeatureCollectionDocument collection)
    {
        if (collection.Features is not { } features)
        {
            Error("features", "required: an array of Features");
            return;
        }

        if (features.Count == 0)
        {
            Error("features", "must contain at least one Feature");
            return;
        }

        if (features.Count > GeofenceParser.MaxFeatures)
        {
            Error("features", Invariant($"{features.Count} features; at most {GeofenceParser.MaxFeatures} fit in one document"));
            return;
        }

        for (var i = 0; i < features.Count && !Full; i++)
        {
            var prefix = Invariant($"features[{i}].");
            var element = features[i];
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(prefix.TrimEnd('.'), "expected a Feature object");
                continue;
            }

            if (Deserialize(element, FenceDocumentJsonContext.Default.FeatureDocument, prefix) is not { } feature)
            {
                continue;
            }

            if (feature.Type != "Feature")
            {
                Error(prefix + "type", "must be \"Feature\"");
            }

            ReadFeature(feature, element, prefix);
        }
    }

    /// <summary>The serializer's reading of one object; null after reporting its shape error.</summary>
    private T? Deserialize<T>(JsonElement element, JsonTypeInfo<T> contract, string prefix)
        where T : class
    {
        try
        {
            return element.Deserialize(contract);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            var shape = ShapeErrors.Locate(e, element, contract) ?? throw new InvalidOperationException("Unexpected serializer error.", e);
            var (field, message) = FenceShapeMessages.For(shape, inCollection: prefix.Length > 0);
            Error(field == "$" ? (prefix.Length == 0 ? "$" : prefix.TrimEnd('.')) : prefix + field, message);
            return null;
        }
    }

    private void ReadFeature(FeatureDocument feature, JsonElement source, string prefix)
    {
        var errorsBefore = errors.Count;
        var properties = ReadProperties(feature, prefix);
        var geometry = ReadGeometry(feature.Geometry, prefix, properties);
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
            source.GetRawText()));
    }

    private Properties ReadProperties(FeatureDocument feature, string prefix)
    {
        var result = new Properties();
        var featureId = ReadFeatureId(feature.Id, prefix);
        if (feature.Properties is not { } properties)
        {
            return result with { Id = Claim(featureId, prefix + "id") };
        }

        var path = prefix + "properties.";
        var id = ReadString(properties.Id, path + "id", MaxIdLength);
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
            Name = ReadString(properties.Name, path + "name", MaxNameLength),
            Tags = ReadTags(properties.Tags, path + "tags"),
            FloorFeet = ReadAltitude(properties.FloorFt, path + "floorFt"),
            CeilingFeet = ReadAltitude(properties.CeilingFt, path + "ceilingFt"),
            BufferNauticalMiles = ReadNumber(properties.BufferNm, path + "bufferNm", 0, GeofenceParser.MaxBufferNauticalMiles, minInclusive: true) ?? 0,
            RadiusNauticalMiles = ReadNumber(properties.RadiusNm, path + "radiusNm", 0, GeofenceParser.MaxRadiusNauticalMiles, minInclusive: false),
            HasRadius = properties.RadiusNm is not null,
        };

        if (result.FloorFeet is { } floor && result.CeilingFeet is { } ceiling && floor > ceiling)
        {
            Error(path + "floorFt", Invariant($"floorFt ({floor}) is above ceilingFt ({ceiling})"));
        }

        return result;
    }

    private string? ReadFeatureId(JsonElement? id, string prefix)
    {
        if (id is not { ValueKind: not JsonValueKind.Null } value)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
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

    private string? ReadString(string? value, string path, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length == 0 || text.Length > maxLength)
        {
            Error(path, Invariant($"must be 1 to {maxLength} characters"));
            return null;
        }

        return text;
    }

    private string[] ReadTags(IReadOnlyList<string?>? tags, string path)
    {
        if (tags is null)
        {
            return [];
        }

        if (tags.Count > MaxTags)
        {
            Error(path, Invariant($"{tags.Count} tags; at most {MaxTags} are allowed"));
            return [];
        }

        var result = new List<string>(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var itemPath = Invariant($"{path}[{i}]");
            if (tags[i] is not { } tag)
            {
                Error(itemPath, "must be a string");
                continue;
            }

            var text = tag.Trim();
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

    private int? ReadAltitude(double? value, string path)
    {
        if (value is not { } feet)
        {
            return null;
        }

        if (!double.IsFinite(feet) || feet != Math.Floor(feet))
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

    private double? ReadNumber(double? value, string path, double min, double max, bool minInclusive)
    {
        if (value is not { } number)
        {
            return null;
        }

        if (!double.IsFinite(number))
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

    private RawGeometry? ReadGeometry(GeometryDocument? geometry, string prefix, Properties properties)
    {
        var path = prefix + "geometry";
        if (geometry is null)
        {
            Error(path, "required: a Polygon, a MultiPolygon, or a Point with properties.radiusNm (a circle)");
            return null;
        }

        if (geometry is not PointDocument && properties.HasRadius)
        {
            Error(prefix + "properties.radiusNm", "only applies to a Point geometry (a circle)");
        }

        var coordinatesPath = path + ".coordinates";
        switch (geometry)
        {
            case PointDocument { Coordinates: null }:
                Error(coordinatesPath, "required: a position [longitude, latitude]");
                return null;
            case PointDocument point:
                return ReadCircle(point.Coordinates, coordinatesPath, prefix, properties);
            case PolygonDocument { Coordinates: { } rings }:
                return ReadPolygons([(rings, coordinatesPath)], coordinatesPath, multi: false);
            case MultiPolygonDocument { Coordinates: { } polygons }:
                return ReadMultiPolygon(polygons, coordinatesPath);
            default:
                Error(coordinatesPath, "required: an array");
                return null;
        }
    }

    private RawGeometry? ReadCircle(double[] coordinates, string path, string prefix, Properties properties)
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

    private RawGeometry? ReadMultiPolygon(double[]?[]?[]?[] coordinates, string path)
    {
        if (coordinates.Length == 0)
        {
            Error(path, "a MultiPolygon needs at least one polygon");
            return null;
        }

        var polygons = coordinates.Select((p, i) => (p, Invariant($"{path}[{i}]"))).ToArray();
        return ReadPolygons(polygons, path, multi: true);
    }

    private RawGeometry? ReadPolygons((double[]?[]?[]? Rings, string Path)[] polygons, string coordinatesPath, bool multi)
    {
        var raw = new List<RawPolygon>(polygons.Length);
        var vertices = 0;
        var ok = true;
        foreach (var (polygon, path) in polygons)
        {
            if (polygon is null)
            {
                Error(path, "a polygon must be an array of linear rings");
                ok = false;
                continue;
            }

            if (polygon.Length == 0)
            {
                Error(path, "a polygon needs at least one linear ring (its outline)");
                ok = false;
                continue;
            }

            var rings = new List<Coordinate[]>();
            for (var r = 0; r < polygon.Length; r++)
            {
                var ring = polygon[r];
                vertices += ring?.Length ?? 0;
                if (vertices > GeofenceParser.MaxVertices)
                {
                    Error(coordinatesPath, Invariant($"too many positions: at most {GeofenceParser.MaxVertices} per fence"));
                    return null;
                }

                var coordinates = ReadRing(ring, Invariant($"{path}[{r}]"));
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

    private Coordinate[]? ReadRing(double[]?[]? ring, string path)
    {
        if (ring is null)
        {
            Error(path, "a linear ring must be an array of positions");
            return null;
        }

        if (ring.Length < 4)
        {
            Error(path, Invariant($"a linear ring needs at least 4 positions (the first repeated at the end); this one has {ring.Length}"));
            return null;
        }

        var coordinates = new Coordinate[ring.Length];
        var ok = true;
        for (var i = 0; i < ring.Length; i++)
        {
            ok &= ReadPosition(ring[i], Invariant($"{path}[{i}]"), 540, out coordinates[i]);
        }

        if (!ok)
        {
            return null;
        }

        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            Error(Invariant($"{path}[{ring.Length - 1}]"), Invariant(
                $"the ring is not closed: its last position must repeat its first, [{coordinates[0].X}, {coordinates[0].Y}]"));
            return null;
        }

        return coordinates;
    }

    private bool ReadPosition(double[]? position, string path, double maxLongitude, out Coordinate coordinate)
    {
        coordinate = new Coordinate();
        if (position is not { Length: 2 or 3 })
        {
            Error(path, PositionShape);
            return false;
        }

        if (!position.All(double.IsFinite))
        {
            Error(path, "a position must contain numbers only");
            return false;
        }

        var (longitude, latitude) = (position[0], position[1]);
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

    private void Error(string field, string message)
    {
        if (!Full)
        {
            errors.Add(new GeofenceValidationError(field, message));
        }
    }

    internal static string PositionMessage => PositionShape;

    internal static string UnsupportedGeometry(string type) => $"unsupported geometry type \"{type}\": expected {GeometryKinds}";

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
