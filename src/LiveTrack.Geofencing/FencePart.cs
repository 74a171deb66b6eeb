using NetTopologySuite.Geometries;

namespace LiveTrack.Geofencing;

/// <summary>One polygon of a fence as the spatial index holds it.</summary>
internal sealed class FencePart(PreparedFence fence, PolygonLocator locator)
{
    public PreparedFence Fence { get; } = fence;

    public Envelope Envelope => Locator.Envelope;

    public PolygonLocator Locator { get; } = locator;
}
