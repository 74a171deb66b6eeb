using System.Text.Json;
using LiveTrack.JsonShapes;

namespace LiveTrack.Geofencing;

/// <summary>
/// The wording of the serializer's errors in a fence document (see <see cref="ShapeError"/>), relative to one
/// Feature or FeatureCollection: coordinates errors name the position they are in.
/// </summary>
internal static class FenceShapeMessages
{
    private static readonly Dictionary<string, string> WrongType = new(StringComparer.Ordinal)
    {
        ["features"] = "required: an array of Features",
        ["properties"] = "must be an object or null",
        ["properties.tags"] = "must be an array of strings",
        ["properties.floorFt"] = "must be a whole number of feet",
        ["properties.ceilingFt"] = "must be a whole number of feet",
        ["properties.bufferNm"] = "must be a number of nautical miles",
        ["properties.radiusNm"] = "must be a number of nautical miles",
        ["geometry"] = "must be a GeoJSON geometry object",
    };

    public static (string Field, string Message) For(ShapeError error, bool inCollection)
    {
        switch (error.Kind)
        {
            case ShapeErrorKind.MissingDiscriminator:
                return (error.Field, "required: \"Polygon\", \"MultiPolygon\" or \"Point\"");
            case ShapeErrorKind.UnknownDiscriminator:
                var type = error.Found is { ValueKind: JsonValueKind.String } name ? name.GetString()! : ShapeErrors.Describe(error.Found);
                return (error.Field, FenceDocumentValidator.UnsupportedGeometry(type));
            case ShapeErrorKind.WrongType when error.Pattern == "$":
                return ("$", inCollection ? "expected a Feature object" : "expected a GeoJSON object: a Feature or a FeatureCollection");
            case ShapeErrorKind.WrongType when error.Pattern == "type":
                return (error.Field, inCollection ? "must be \"Feature\"" : "required: \"Feature\" or \"FeatureCollection\"");
            case ShapeErrorKind.WrongType when error.Pattern.Contains("coordinates", StringComparison.Ordinal):
                return Coordinates(error);
            case ShapeErrorKind.WrongType when WrongType.TryGetValue(error.Pattern, out var message):
                return (error.Field, message);
            default:
                return (error.Field, error.DefaultMessage);
        }
    }

    /// <summary>A coordinates array of the wrong shape, named by what the array at that depth holds.</summary>
    private static (string Field, string Message) Coordinates(ShapeError error)
    {
        var atTop = error.Pattern.EndsWith("coordinates", StringComparison.Ordinal);
        return error.Expected?.Type switch
        {
            { } t when t == typeof(double) => (error.Parent, "a position must contain numbers only"),
            { } t when t == typeof(double[]) => (error.Field, atTop ? "required: a position [longitude, latitude]" : FenceDocumentValidator.PositionMessage),
            { } t when t == typeof(double[][]) => (error.Field, "a linear ring must be an array of positions"),
            { } t when t == typeof(double[][][]) && !atTop => (error.Field, "a polygon must be an array of linear rings"),
            _ => (error.Field, "required: an array"),
        };
    }
}
