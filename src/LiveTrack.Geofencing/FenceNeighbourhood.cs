using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>
/// What one aircraft keeps between moves so that moves in the same small area skip work whose answer cannot have
/// changed: a box of the index's grid (two 1/32° sub-cells of a 1° cell each way) around the aircraft, the fence
/// parts of one <see cref="GeofenceIndex"/> whose envelopes meet that box, and, per fence once asked, whether any of
/// the fence's edges comes into the box. Pass it to <see cref="GeofenceIndex.CandidatesAlong(GeoPoint, GeoPoint, FenceNeighbourhood)"/>
/// and then to <see cref="GeofenceCrossings.Find(GeofenceDefinition, TrackPosition, TrackPosition, FenceNeighbourhood)"/>
/// for the same move: their answers are exactly those of the calls without it. Not thread-safe: one per aircraft.
/// </summary>
/// <remarks>
/// <para>Why exact. A move's candidates are the fences with a part whose envelope meets the move's box (the
/// great-circle arc's <c>Bounds</c>, cut at ±180 into up to three pieces). The cached box is used only when it holds
/// the move's box (in longitudes shifted by a multiple of 360°, compared exactly): then every piece lies within the
/// cached box shifted the same way, so every part that meets a piece meets the cached box and is in the cached
/// list; filtering that list by the same comparisons the grid makes gives the same parts, in the same order. Both
/// boxes are lon/lat rectangles, convex in the coordinates the grid uses; the move's box already covers the arc's
/// bulge away from the straight lon/lat chord, so a move with both ends inside the cached box but bulging out of
/// it is not served from the cache. A fence none of whose edges meets the cached box has none meeting the move's
/// box either, so the edge query of the crossing search is skipped for it (only when the cached box lies within
/// [-180, 180], i.e. not on the antimeridian).</para>
/// <para>Invalidation. The cache belongs to one index object; indexes are immutable and every fence change (added,
/// replaced, deleted) publishes a new one, so a different index rebuilds the cache. A move that does not fit in a
/// new box (a long one) is answered from the index directly and leaves the cache as it was.</para>
/// </remarks>
public sealed class FenceNeighbourhood
{
    /// <summary>Sub-cells per degree of the cached box's grid (a power of two: the box's edges are exact doubles).</summary>
    internal const int SubCellsPerDegree = 32;

    private const sbyte NotKnown = 0;
    private const sbyte NoEdge = 1;
    private const sbyte SomeEdge = 2;

    private GeofenceIndex? index;
    private double boxMinX;
    private double boxMaxX;
    private double boxMinY;
    private double boxMaxY;

    private int partCount;
    private double[] envelopes = new double[16]; // minX, minY, maxX, maxY per cached part
    private int[] partFence = new int[4]; // the fence (position in the index) of each cached part

    private int fenceCount;
    private GeofenceDefinition[] fenceDefinitions = new GeofenceDefinition[4];
    private sbyte[] edgesInBox = new sbyte[4];

    /// <summary>Parts found while rebuilding, shared by the neighbourhoods of one thread (a rebuild never yields).</summary>
    [ThreadStatic]
    private static List<int>? scratch;

    private readonly List<GeofenceDefinition> candidates = [];

    // The last move asked about, for the crossing searches that follow it.
    private bool hasMove;
    private GeoPoint moveFrom;
    private GeoPoint moveTo;
    private GreatCircleArc moveArc;
    private (double MinX, double MaxX, double MinY, double MaxY) moveBounds;
    private bool moveInPlainBox;

    /// <summary>How many times the cache was (re)built: for tests and measurements.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>How many moves were answered from the cache: for tests and measurements.</summary>
    public int Hits { get; private set; }

    /// <summary>The body of <see cref="GeofenceIndex.CandidatesAlong(GeoPoint, GeoPoint, FenceNeighbourhood)"/>.</summary>
    internal IReadOnlyList<GeofenceDefinition> CandidatesAlong(GeofenceIndex fences, GeoPoint from, GeoPoint to)
    {
        hasMove = false;
        if (!GeofenceIndex.IsFinite(from) || !GeofenceIndex.IsFinite(to) || fences.Count == 0)
        {
            return [];
        }

        var arc = new GreatCircleArc(from, to);
        var bounds = arc.Bounds();
        (hasMove, moveFrom, moveTo, moveArc, moveBounds) = (true, from, to, arc, bounds);
        var cached = ReferenceEquals(index, fences) && Holds(bounds, out _);
        if (!cached && !Rebuild(fences, bounds))
        {
            moveInPlainBox = false;
            return fences.CandidatesWithin(bounds);
        }

        if (!Holds(bounds, out var shift))
        {
            moveInPlainBox = false; // Not expected after a rebuild; answered from the index all the same.
            return fences.CandidatesWithin(bounds);
        }

        if (cached)
        {
            Hits++;
        }

        moveInPlainBox = shift == 0 && boxMinX >= -180 && boxMaxX <= 180;

        // The parts the grid would find for the move's box: the same comparisons, over the cached parts only.
        candidates.Clear();
        var lastFence = -1;
        for (var j = 0; j < partCount; j++)
        {
            if (partFence[j] != lastFence && MeetsMove(j, bounds))
            {
                lastFence = partFence[j];
                candidates.Add(fences.FenceAt(lastFence));
            }
        }

        return candidates;
    }

    /// <summary>
    /// The arc and box of the move last given to <see cref="CandidatesAlong(GeofenceIndex, GeoPoint, GeoPoint)"/>
    /// when it is this move (same coordinates, bit for bit), and whether no edge of <paramref name="fence"/> can meet
    /// the move's box (known from the cached box).
    /// </summary>
    internal bool TryGetMove(GeofenceDefinition fence, GeoPoint from, GeoPoint to, out GreatCircleArc arc, out (double MinX, double MaxX, double MinY, double MaxY) bounds, out bool edgesClear)
    {
        if (!hasMove || !Same(from, moveFrom) || !Same(to, moveTo))
        {
            (arc, bounds, edgesClear) = (default, default, false);
            return false;
        }

        (arc, bounds) = (moveArc, moveBounds);
        edgesClear = moveInPlainBox && EdgesClear(fence);
        return true;
    }

    private bool EdgesClear(GeofenceDefinition fence)
    {
        for (var i = 0; i < fenceCount; i++)
        {
            if (!ReferenceEquals(fenceDefinitions[i], fence))
            {
                continue;
            }

            if (edgesInBox[i] == NotKnown)
            {
                edgesInBox[i] = PreparedFence.For(fence).AnyEdgeMeets(boxMinX, boxMaxX, boxMinY, boxMaxY) ? SomeEdge : NoEdge;
            }

            return edgesInBox[i] == NoEdge;
        }

        return false;
    }

    /// <summary>Whether the cached box holds the move's box, shifted by <paramref name="shift"/> × 360° in longitude.</summary>
    private bool Holds((double MinX, double MaxX, double MinY, double MaxY) bounds, out int shift)
    {
        shift = (int)Math.Round((bounds.MinX - boxMinX) / 360);
        var offset = 360.0 * shift;
        return index is not null
            && shift is >= -1 and <= 1
            && boxMinX + offset <= bounds.MinX
            && bounds.MaxX <= boxMaxX + offset
            && boxMinY <= bounds.MinY
            && bounds.MaxY <= boxMaxY;
    }

    private bool MeetsMove(int part, (double MinX, double MaxX, double MinY, double MaxY) bounds)
    {
        var b = 4 * part;
        for (var shift = -360; shift <= 360; shift += 360)
        {
            var (minX, maxX) = GeofenceIndex.Piece(bounds, shift);
            if (minX <= maxX
                && maxX >= envelopes[b] && bounds.MaxY >= envelopes[b + 1] && minX <= envelopes[b + 2] && bounds.MinY <= envelopes[b + 3])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Caches the box of sub-cells around the move's centre (at least half a sub-cell from every side of it), or
    /// returns false when the move's box does not fit in it.
    /// </summary>
    private bool Rebuild(GeofenceIndex fences, (double MinX, double MaxX, double MinY, double MaxY) bounds)
    {
        const double Cell = 1.0 / SubCellsPerDegree;
        var column = Math.Round((bounds.MinX + bounds.MaxX) / 2 * SubCellsPerDegree);
        var row = Math.Round((bounds.MinY + bounds.MaxY) / 2 * SubCellsPerDegree);
        var minX = (column - 1) * Cell;
        var maxX = (column + 1) * Cell;
        var minY = (row - 1) * Cell;
        var maxY = (row + 1) * Cell;
        if (!(minX <= bounds.MinX && bounds.MaxX <= maxX && minY <= bounds.MinY && bounds.MaxY <= maxY))
        {
            return false;
        }

        // The same box, its centre brought into [-180, 180) (a whole number of turns: still exact).
        var turns = Math.Floor(((column * Cell) + 180) / 360);
        (boxMinX, boxMaxX, boxMinY, boxMaxY) = (minX - (360 * turns), maxX - (360 * turns), minY, maxY);
        index = fences;
        Rebuilds++;

        // Every part meeting the box under any shift a move's piece can have (see Holds and GeofenceIndex.Piece).
        var found = scratch ??= [];
        found.Clear();
        for (var turn = -2; turn <= 2; turn++)
        {
            var x0 = Math.Max(boxMinX + (360 * turn), -180);
            var x1 = Math.Min(boxMaxX + (360 * turn), 180);
            if (x0 <= x1)
            {
                fences.CollectParts(x0, boxMinY, x1, boxMaxY, found);
            }
        }

        found.Sort();
        partCount = 0;
        fenceCount = 0;
        Array.Clear(fenceDefinitions);
        for (var i = 0; i < found.Count; i++)
        {
            var part = found[i];
            if (i > 0 && part == found[i - 1])
            {
                continue;
            }

            Grow(ref envelopes, 4 * (partCount + 1));
            Grow(ref partFence, partCount + 1);
            fences.PartEnvelope(part, envelopes.AsSpan(4 * partCount, 4));
            var fence = fences.FenceOfPart(part);
            partFence[partCount++] = fence;
            if (partCount == 1 || partFence[partCount - 2] != fence)
            {
                Grow(ref fenceDefinitions, fenceCount + 1);
                Grow(ref edgesInBox, fenceCount + 1);
                fenceDefinitions[fenceCount] = fences.FenceAt(fence);
                edgesInBox[fenceCount++] = NotKnown;
            }
        }

        return true;
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, 2 * array.Length));
        }
    }

    private static bool Same(GeoPoint a, GeoPoint b) =>
        BitConverter.DoubleToInt64Bits(a.Latitude) == BitConverter.DoubleToInt64Bits(b.Latitude)
        && BitConverter.DoubleToInt64Bits(a.Longitude) == BitConverter.DoubleToInt64Bits(b.Longitude);
}
