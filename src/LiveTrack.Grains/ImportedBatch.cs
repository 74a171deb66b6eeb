using LiveTrack.History;

namespace LiveTrack.Grains;

/// <summary>What one batch of imported reports gives (<see cref="ImportedTraffic.Evaluate"/>).</summary>
/// <param name="History">The positions, changes and events to store, every one marked imported.</param>
/// <param name="Events">The geofence events raised, in time order, for live alert rules when the import asks for them.</param>
/// <param name="Signals">Squawk and emergency changes, for live alert rules (empty unless the import asks for them).</param>
public sealed record ImportedBatch(HistoryBatch History, IReadOnlyList<GeofenceEvent> Events, IReadOnlyList<AircraftSignal> Signals);
