using System.Runtime.CompilerServices;
using LiveTrack.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace LiveTrack.Geofencing;

/// <summary>
/// The evaluation-ready form of a <see cref="GeofenceDefinition"/>: its envelope, a <see cref="PolygonLocator"/> for
/// each of its polygons, and (built on first use) an STR-tree of its edges for crossings. One instance per
/// definition object, cached weakly, so an index rebuilt after one fence changed re-prepares only that fence.
/// Immutable apart from the edge tree, which is built once through <see cref="Lazy{T}"/>: thread-safe.
/// </summary>
internal sealed class PreparedFence
{
    private static readonly ConditionalWeakTable<GeofenceDefinition, PreparedFence> Cache = new();

    private readonly Lazy<STRtree<LineSegment>> edges;

    private PreparedFence(GeofenceDefinition definition)
    {
        if (definition.Geometry is not (Polygon or MultiPolygon) || definition.Geometry.IsEmpty)
        {
            throw new ArgumentException(
                $"Fence '{definition.Id}' must have a non-empty Polygon or MultiPolygon geometry.", nameof(definition));
        }

        Definition = definition;
        Envelope = definition.Geometry.EnvelopeInternal;
        if (Envelope.MinX < -180 || Envelope.MaxX > 180 || Envelope.MinY < -90 || Envelope.MaxY > 90)
        {
            throw new ArgumentException(
                $"Fence '{definition.Id}' has coordinates outside longitude -180..180 / latitude -90..90.", nameof(definition));
        }

        Parts = Planar.PolygonsOf(definition.Geometry).Select(p => new FencePart(this, new PolygonLocator(p))).ToArray();
        edges = new Lazy<STRtree<LineSegment>>(BuildEdgeIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public GeofenceDefinition Definition { get; }

    public Envelope Envelope { get; }

    /// <summary>The polygons of the fence, each with its own envelope and locator (what the spatial index holds).</summary>
    public IReadOnlyList<FencePart> Parts { get; }

    public static PreparedFence For(GeofenceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Cache.GetValue(definition, static d => new PreparedFence(d));
    }

    /// <summary>
    /// Inside or on the boundary horizontally. Longitude is wrapped to [-180, 180); -180 also tries +180, the same
    /// meridian, which a fence may touch from the east side only.
    /// </summary>
    public bool Covers(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude))
        {
            return false;
        }

        longitude = Geodesy.NormalizeLongitude(longitude);
        return CoversNormalized(latitude, longitude) || (longitude == -180 && CoversNormalized(latitude, 180));
    }

    public bool Covers(GeoPoint point) => Covers(point.Latitude, point.Longitude);

    /// <summary>Whether a box in longitudes that may run past ±180 (by less than 360°) meets the fence's envelope.</summary>
    public bool EnvelopeTouches(double minX, double maxX, double minY, double maxY)
    {
        if (maxY < Envelope.MinY || minY > Envelope.MaxY)
        {
            return false;
        }

        return Overlaps(minX, maxX) || Overlaps(minX - 360, maxX - 360) || Overlaps(minX + 360, maxX + 360);

        bool Overlaps(double a, double b) => b >= Envelope.MinX && a <= Envelope.MaxX;
    }

    /// <summary>
    /// Whether any edge's envelope meets the box (within [-180, 180]): <c>EdgesNear(box).Count &gt; 0</c>, without
    /// building the edge tree or a list.
    /// </summary>
    public bool AnyEdgeMeets(double minX, double maxX, double minY, double maxY)
    {
        foreach (var part in Parts)
        {
            if (part.Locator.AnyEdgeMeets(minX, maxX, minY, maxY))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fence's edges whose envelopes meet <paramref name="box"/> (all within [-180, 180]).</summary>
    public IList<LineSegment> EdgesNear(Envelope box) => edges.Value.Query(box);

    private bool CoversNormalized(double latitude, double longitude)
    {
        if (!Envelope.Intersects(longitude, latitude))
        {
            return false;
        }

        foreach (var part in Parts)
        {
            if (part.Locator.Locate(longitude, latitude) != Location.Exterior)
            {
                return true;
            }
        }

        return false;
    }

    private STRtree<LineSegment> BuildEdgeIndex()
    {
        var tree = new STRtree<LineSegment>();
        foreach (var polygon in Planar.PolygonsOf(Definition.Geometry))
        {
            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var coordinates = ring.Coordinates;
                for (var i = 1; i < coordinates.Length; i++)
                {
                    var segment = new LineSegment(coordinates[i - 1], coordinates[i]);
                    tree.Insert(new Envelope(segment.P0, segment.P1), segment);
                }
            }
        }

        tree.Build();
        return tree;
    }
}
