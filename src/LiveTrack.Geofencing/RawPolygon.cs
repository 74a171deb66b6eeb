using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>One polygon as read: its rings (closed, at least 4 positions each) and its path in the document.</summary>
internal sealed record RawPolygon(string Path, IReadOnlyList<Coordinate[]> Rings);
