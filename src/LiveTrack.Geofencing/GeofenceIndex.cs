using System.Collections.Frozen;
using LiveTrack.Geo;
using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// An immutable spatial index over many fences, answering "which fences contain this position?" without looking
/// at most of them. Safe to share between threads; changes produce a new index (<see cref="With"/>,
/// <see cref="Without"/>), so readers never see a half-updated one.
/// </summary>
/// <remarks>
/// Each polygon of each fence is entered in a grid of 1° cells by its envelope (<see cref="EnvelopeGrid"/>; a fence
/// split at the antimeridian has two narrow envelopes rather than one spanning the globe). A lookup reads the
/// point's cell for the few envelopes that hold the point — usually none — then checks the altitude band, then runs
/// an exact point-in-polygon test over the polygon's edges near the point's latitude (<see cref="PolygonLocator"/>).
/// Fence geometries are prepared once per definition object and reused when an index is rebuilt.
/// </remarks>
public sealed class GeofenceIndex
{
    private static readonly GeofenceDefinition[] None = [];

    private readonly PreparedFence[] fences;
    private readonly FrozenDictionary<string, int> positions;
    private readonly PartTable parts;
    private readonly EnvelopeGrid grid;

    private GeofenceIndex(PreparedFence[] fences)
    {
        this.fences = fences;
        positions = fences.Select((f, i) => KeyValuePair.Create(f.Definition.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        parts = new PartTable(fences);
        grid = new EnvelopeGrid(parts.Envelopes);
        Fences = fences.Select(f => f.Definition).ToArray();
    }

    /// <summary>An index with no fences.</summary>
    public static GeofenceIndex Empty { get; } = new([]);

    /// <summary>Every fence, ordered by <see cref="GeofenceDefinition.Id"/> (ordinal).</summary>
    public IReadOnlyList<GeofenceDefinition> Fences { get; }

    /// <summary>Number of fences.</summary>
    public int Count => fences.Length;

    /// <summary>Builds an index over <paramref name="fences"/>.</summary>
    /// <exception cref="ArgumentException">Two fences share an id, or a fence's geometry is not a lon/lat Polygon or MultiPolygon.</exception>
    public static GeofenceIndex Create(IEnumerable<GeofenceDefinition> fences)
    {
        ArgumentNullException.ThrowIfNull(fences);
        var prepared = fences.Select(PreparedFence.For).OrderBy(f => f.Definition.Id, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < prepared.Length; i++)
        {
            if (string.Equals(prepared[i].Definition.Id, prepared[i - 1].Definition.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Two fences have the id '{prepared[i].Definition.Id}'.", nameof(fences));
            }
        }

        return new GeofenceIndex(prepared);
    }

    /// <summary>The fence with this id, or null.</summary>
    public GeofenceDefinition? Find(string id) =>
        positions.TryGetValue(id, out var i) ? fences[i].Definition : null;

    /// <summary>A new index with <paramref name="fence"/> added, or replacing the fence with the same id.</summary>
    public GeofenceIndex With(GeofenceDefinition fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        return Create(fences.Select(f => f.Definition)
            .Where(d => !string.Equals(d.Id, fence.Id, StringComparison.Ordinal))
            .Append(fence));
    }

    /// <summary>A new index without the fence <paramref name="id"/> (this index when there is none).</summary>
    public GeofenceIndex Without(string id) => positions.ContainsKey(id)
        ? new GeofenceIndex(fences.Where(f => !string.Equals(f.Definition.Id, id, StringComparison.Ordinal)).ToArray())
        : this;

    /// <summary>
    /// The fences containing the position, ordered by id: horizontally inside or on the boundary and, for a fence
    /// with a floor or ceiling, with a known altitude within [floor, ceiling] (a 2D fence ignores altitude).
    /// Longitudes outside [-180, 180) are wrapped; a position with a non-finite coordinate is in no fence.
    /// </summary>
    public IReadOnlyList<GeofenceDefinition> Containing(double latitude, double longitude, int? altitudeFeet)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || fences.Length == 0)
        {
            return None;
        }

        longitude = Geodesy.NormalizeLongitude(longitude);
        var visitor = new ContainingVisitor(parts, longitude, latitude, altitudeFeet);
        grid.Search(longitude, latitude, ref visitor);
        if (longitude == -180)
        {
            // The same meridian as +180, which a fence may touch from the west side only.
            visitor.Longitude = 180;
            grid.Search(180.0, latitude, ref visitor);
        }

        return visitor.Found is null ? None : Sorted(visitor.Found);
    }

    /// <inheritdoc cref="Containing(double, double, int?)"/>
    public IReadOnlyList<GeofenceDefinition> Containing(GeoPoint position, int? altitudeFeet) =>
        Containing(position.Latitude, position.Longitude, altitudeFeet);

    /// <summary>
    /// The fences whose bounding box the great-circle segment from <paramref name="from"/> to <paramref name="to"/>
    /// comes near, ordered by id, whatever the altitude: every fence for which <see cref="GeofenceCrossings.Find(GeofenceDefinition, TrackPosition, TrackPosition)"/>
    /// can report a crossing on that segment, including every fence containing either end (and some that it merely
    /// passes near). Use it to choose which fences to check for crossings.
    /// </summary>
    public IReadOnlyList<GeofenceDefinition> CandidatesAlong(GeoPoint from, GeoPoint to)
    {
        if (!IsFinite(from) || !IsFinite(to) || fences.Length == 0)
        {
            return None;
        }

        return CandidatesWithin(new GreatCircleArc(from, to).Bounds());
    }

    /// <summary>
    /// The same fences as <see cref="CandidatesAlong(GeoPoint, GeoPoint)"/>, found through (and kept in)
    /// <paramref name="neighbourhood"/>: consecutive moves of one aircraft within a small box reuse the parts found
    /// for it. The list is valid until the next call with the same <paramref name="neighbourhood"/>.
    /// </summary>
    public IReadOnlyList<GeofenceDefinition> CandidatesAlong(GeoPoint from, GeoPoint to, FenceNeighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        return neighbourhood.CandidatesAlong(this, from, to);
    }

    internal static bool IsFinite(GeoPoint p) => double.IsFinite(p.Latitude) && double.IsFinite(p.Longitude);

    /// <summary>
    /// The longitudes of a move's box (see <see cref="GreatCircleArc.Bounds"/>) shifted by <paramref name="shift"/>
    /// (−360, 0 or 360) and clipped to [-180, 180]: empty (min &gt; max) when the box does not reach there.
    /// </summary>
    internal static (double MinX, double MaxX) Piece((double MinX, double MaxX, double MinY, double MaxY) bounds, int shift) =>
        (Math.Max(bounds.MinX + shift, -180), Math.Min(bounds.MaxX + shift, 180));

    /// <summary>The fences with a part whose envelope meets a piece of the move's box, ordered by id.</summary>
    internal IReadOnlyList<GeofenceDefinition> CandidatesWithin((double MinX, double MaxX, double MinY, double MaxY) bounds)
    {
        var found = new List<int>();
        var visitor = new CollectingVisitor(parts, found);
        for (var shift = -360; shift <= 360; shift += 360)
        {
            var (minX, maxX) = Piece(bounds, shift);
            if (minX <= maxX)
            {
                grid.Search(minX, bounds.MinY, maxX, bounds.MaxY, ref visitor);
            }
        }

        return found.Count == 0 ? None : Sorted(found);
    }

    /// <summary>Adds the number of every part whose envelope meets the box (some more than once).</summary>
    internal void CollectParts(double minX, double minY, double maxX, double maxY, List<int> found)
    {
        var visitor = new PartVisitor(found);
        grid.Search(minX, minY, maxX, maxY, ref visitor);
    }

    /// <summary>A part's envelope as the grid compares it: minX, minY, maxX, maxY.</summary>
    internal void PartEnvelope(int part, Span<double> box)
    {
        var e = parts.Envelopes[part];
        (box[0], box[1], box[2], box[3]) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
    }

    /// <summary>The fence (its position in <see cref="Fences"/>) a part belongs to; parts are numbered in fence order.</summary>
    internal int FenceOfPart(int part) => parts.Fence[part];

    internal GeofenceDefinition FenceAt(int fence) => fences[fence].Definition;

    private GeofenceDefinition[] Sorted(List<int> found)
    {
        found.Sort();
        var result = new List<GeofenceDefinition>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (i == 0 || found[i] != found[i - 1])
            {
                result.Add(fences[found[i]].Definition);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// The polygons of all fences as parallel arrays (what a lookup reads, without chasing references): the fence
    /// each belongs to, its locator, and its fence's altitude band.
    /// </summary>
    private sealed class PartTable
    {
        public PartTable(PreparedFence[] fences)
        {
            var all = fences.SelectMany((f, i) => f.Parts.Select(p => (Fence: i, Part: p))).ToArray();
            Fence = all.Select(p => p.Fence).ToArray();
            Locators = all.Select(p => p.Part.Locator).ToArray();
            Envelopes = all.Select(p => p.Part.Envelope).ToArray();
            HasBand = all.Select(p => p.Part.Fence.Definition.HasAltitudeBand).ToArray();
            Floor = all.Select(p => p.Part.Fence.Definition.FloorFeet ?? int.MinValue).ToArray();
            Ceiling = all.Select(p => p.Part.Fence.Definition.CeilingFeet ?? int.MaxValue).ToArray();
        }

        public int[] Fence { get; }

        public PolygonLocator[] Locators { get; }

        public Envelope[] Envelopes { get; }

        public bool[] HasBand { get; }

        public int[] Floor { get; }

        public int[] Ceiling { get; }
    }

    private struct ContainingVisitor(PartTable parts, double longitude, double latitude, int? altitudeFeet) : EnvelopeGrid.IVisitor
    {
        public double Longitude { get; set; } = longitude;

        public List<int>? Found { get; private set; }

        public void Visit(int box)
        {
            if (parts.HasBand[box]
                && (altitudeFeet is not { } altitude || altitude < parts.Floor[box] || altitude > parts.Ceiling[box]))
            {
                return;
            }

            if (parts.Locators[box].Locate(Longitude, latitude) != Location.Exterior)
            {
                (Found ??= new List<int>(2)).Add(parts.Fence[box]);
            }
        }
    }

    private readonly struct CollectingVisitor(PartTable parts, List<int> found) : EnvelopeGrid.IVisitor
    {
        public void Visit(int box) => found.Add(parts.Fence[box]);
    }

    private readonly struct PartVisitor(List<int> found) : EnvelopeGrid.IVisitor
    {
        public void Visit(int box) => found.Add(box);
    }
}
