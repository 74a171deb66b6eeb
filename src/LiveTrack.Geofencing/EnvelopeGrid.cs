using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>
/// A static spatial index of lon/lat boxes: a grid of 1° cells over the globe, each listing the boxes that meet it,
/// plus a short list of boxes too large to list cell by cell. A point lookup reads one cell's list and the large
/// list — no tree walk, no allocation, a couple of cache lines.
/// </summary>
/// <remarks>
/// Boxes covering more than <see cref="MaxCellsPerBox"/> cells (a twentieth of the globe — polar caps, oceans) go to
/// the large list, which every lookup checks, so memory stays proportional to the boxes' total area in cells. The
/// cell of a coordinate is a monotone function of it, so a box is listed in every cell that any point inside it maps
/// to, edges included. Why not NetTopologySuite's <c>STRtree</c>: its query alone costs about 0.5 µs even over 100
/// boxes (interface-typed bounds, list enumeration, a visitor object), half the 1 µs budget of a position check.
/// </remarks>
internal sealed class EnvelopeGrid
{
    public const int MaxCellsPerBox = 3240;

    private const int Columns = 360;
    private const int Rows = 180;

    private readonly double[] boxes; // minX, minY, maxX, maxY per box
    private readonly int[] cellStart;
    private readonly int[] cellBoxes;
    private readonly int[] large;

    /// <param name="envelopes">The boxes, within longitude -180..180 and latitude -90..90; a box's number is its position.</param>
    public EnvelopeGrid(IReadOnlyList<Envelope> envelopes)
    {
        boxes = new double[envelopes.Count * 4];
        var largeList = new List<int>();
        var counts = new int[(Columns * Rows) + 1];
        for (var i = 0; i < envelopes.Count; i++)
        {
            var e = envelopes[i];
            (boxes[4 * i], boxes[(4 * i) + 1], boxes[(4 * i) + 2], boxes[(4 * i) + 3]) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
            var (c0, r0, c1, r1) = Cells(i);
            if ((long)(c1 - c0 + 1) * (r1 - r0 + 1) > MaxCellsPerBox)
            {
                largeList.Add(i);
                continue;
            }

            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    counts[(r * Columns) + c + 1]++;
                }
            }
        }

        for (var k = 1; k < counts.Length; k++)
        {
            counts[k] += counts[k - 1];
        }

        cellStart = counts;
        cellBoxes = new int[counts[^1]];
        var filled = new int[Columns * Rows];
        large = [.. largeList];
        var isLarge = new HashSet<int>(large);
        for (var i = 0; i < envelopes.Count; i++)
        {
            if (isLarge.Contains(i))
            {
                continue;
            }

            var (c0, r0, c1, r1) = Cells(i);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    var cell = (r * Columns) + c;
                    cellBoxes[cellStart[cell] + filled[cell]++] = i;
                }
            }
        }
    }

    /// <summary>Calls <paramref name="visitor"/> once for every box that holds the point (edges inclusive).</summary>
    public void Search<TVisitor>(double x, double y, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        var cell = (Row(y) * Columns) + Column(x);
        for (var k = cellStart[cell]; k < cellStart[cell + 1]; k++)
        {
            VisitIfHolds(cellBoxes[k], x, y, ref visitor);
        }

        foreach (var i in large)
        {
            VisitIfHolds(i, x, y, ref visitor);
        }
    }

    /// <summary>
    /// Calls <paramref name="visitor"/> for every box that meets the query box (edges inclusive) — possibly more than
    /// once for a box listed in several of the cells the query covers.
    /// </summary>
    public void Search<TVisitor>(double minX, double minY, double maxX, double maxY, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        for (var r = Row(minY); r <= Row(maxY); r++)
        {
            for (var c = Column(minX); c <= Column(maxX); c++)
            {
                var cell = (r * Columns) + c;
                for (var k = cellStart[cell]; k < cellStart[cell + 1]; k++)
                {
                    VisitIfMeets(cellBoxes[k], minX, minY, maxX, maxY, ref visitor);
                }
            }
        }

        foreach (var i in large)
        {
            VisitIfMeets(i, minX, minY, maxX, maxY, ref visitor);
        }
    }

    private static int Column(double x) => Math.Clamp((int)Math.Floor(x + 180), 0, Columns - 1);

    private static int Row(double y) => Math.Clamp((int)Math.Floor(y + 90), 0, Rows - 1);

    private (int C0, int R0, int C1, int R1) Cells(int i) =>
        (Column(boxes[4 * i]), Row(boxes[(4 * i) + 1]), Column(boxes[(4 * i) + 2]), Row(boxes[(4 * i) + 3]));

    private void VisitIfHolds<TVisitor>(int i, double x, double y, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        var b = 4 * i;
        if (x >= boxes[b] && y >= boxes[b + 1] && x <= boxes[b + 2] && y <= boxes[b + 3])
        {
            visitor.Visit(i);
        }
    }

    private void VisitIfMeets<TVisitor>(int i, double minX, double minY, double maxX, double maxY, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        var b = 4 * i;
        if (maxX >= boxes[b] && maxY >= boxes[b + 1] && minX <= boxes[b + 2] && minY <= boxes[b + 3])
        {
            visitor.Visit(i);
        }
    }

    /// <summary>Receives the boxes a search finds.</summary>
    public interface IVisitor
    {
        /// <summary>One box that holds or meets the query.</summary>
        void Visit(int box);
    }
}
