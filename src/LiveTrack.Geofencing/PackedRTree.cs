using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// A static R-tree over boxes, packed with the Sort-Tile-Recursive method (as NetTopologySuite's
/// <c>STRtree</c>) but stored in flat arrays and searched without allocation or virtual calls: every level's node
/// boxes sit in four <see cref="double"/> arrays, and a search walks them with a small stack on the thread's stack.
/// </summary>
/// <remarks>
/// Why not <c>STRtree</c> itself: its query costs about 0.5 µs even over 100 boxes (interface-typed bounds, list
/// enumeration, a visitor object per query), which alone would spend the 1 µs budget of a position check. Here a
/// lookup that misses every box costs a few tens of nanoseconds.
/// </remarks>
internal sealed class PackedRTree
{
    private const int NodeCapacity = 16;
    private const int LevelShift = 27;
    private const int NodeMask = (1 << LevelShift) - 1;

    private readonly double[] minX;
    private readonly double[] minY;
    private readonly double[] maxX;
    private readonly double[] maxY;
    private readonly int[] levelStart;
    private readonly int[] levelCount;
    private readonly int[] items;

    /// <param name="boxes">One box per item; the item is its position in this list.</param>
    public PackedRTree(IReadOnlyList<Envelope> boxes)
    {
        // Level 0: the items in STR order — vertical slices by centre x, each sorted by centre y.
        var count = boxes.Count;
        var order = Enumerable.Range(0, count).OrderBy(i => Centre(boxes[i]).X).ToArray();
        var leafNodes = (count + NodeCapacity - 1) / NodeCapacity;
        var slices = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(leafNodes)));
        var sliceSize = slices * NodeCapacity;
        var centreY = order.Select(i => Centre(boxes[i]).Y).ToArray();
        for (var start = 0; start < count; start += sliceSize)
        {
            Array.Sort(centreY, order, start, Math.Min(sliceSize, count - start));
        }

        items = order;
        var starts = new List<int> { 0 };
        var counts = new List<int> { count };
        var total = count;
        for (var n = count; n > 1;)
        {
            n = (n + NodeCapacity - 1) / NodeCapacity;
            starts.Add(total);
            counts.Add(n);
            total += n;
        }

        levelStart = [.. starts];
        levelCount = [.. counts];
        minX = new double[total];
        minY = new double[total];
        maxX = new double[total];
        maxY = new double[total];
        for (var i = 0; i < count; i++)
        {
            var box = boxes[order[i]];
            (minX[i], minY[i], maxX[i], maxY[i]) = (box.MinX, box.MinY, box.MaxX, box.MaxY);
        }

        for (var level = 1; level < levelStart.Length; level++)
        {
            var below = levelStart[level - 1];
            var belowCount = levelCount[level - 1];
            for (var node = 0; node < levelCount[level]; node++)
            {
                var at = levelStart[level] + node;
                (minX[at], minY[at], maxX[at], maxY[at]) = (double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);
                var end = Math.Min((node + 1) * NodeCapacity, belowCount);
                for (var child = node * NodeCapacity; child < end; child++)
                {
                    var c = below + child;
                    minX[at] = Math.Min(minX[at], minX[c]);
                    minY[at] = Math.Min(minY[at], minY[c]);
                    maxX[at] = Math.Max(maxX[at], maxX[c]);
                    maxY[at] = Math.Max(maxY[at], maxY[c]);
                }
            }
        }
    }

    /// <summary>Number of items.</summary>
    public int Count => items.Length;

    /// <summary>Calls <paramref name="visitor"/> with every item whose box meets the query box (edges inclusive).</summary>
    public void Search<TVisitor>(double qMinX, double qMinY, double qMaxX, double qMaxY, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        if (items.Length == 0)
        {
            return;
        }

        // Depth-first. At most NodeCapacity - 1 siblings wait per level; 7 levels hold 16^7 items.
        Span<int> stack = stackalloc int[NodeCapacity * 8];
        var top = 0;
        var rootLevel = levelStart.Length - 1;
        stack[top++] = rootLevel << LevelShift;
        while (top > 0)
        {
            var entry = stack[--top];
            var level = entry >> LevelShift;
            var node = entry & NodeMask;
            var at = levelStart[level] + node;
            if (minX[at] > qMaxX || maxX[at] < qMinX || minY[at] > qMaxY || maxY[at] < qMinY)
            {
                continue;
            }

            if (level == 0)
            {
                visitor.Visit(items[node]);
                continue;
            }

            var firstChild = node * NodeCapacity;
            var end = Math.Min(firstChild + NodeCapacity, levelCount[level - 1]);
            for (var child = end - 1; child >= firstChild; child--)
            {
                stack[top++] = ((level - 1) << LevelShift) | child;
            }
        }
    }

    private static Coordinate Centre(Envelope box) => box.Centre;

    /// <summary>Receives the items a search finds.</summary>
    public interface IVisitor
    {
        /// <summary>One item whose box meets the query box.</summary>
        void Visit(int item);
    }
}
