namespace LiveTrack.Grains;

/// <summary>
/// What an aircraft grain persists (in <see cref="LiveTrackStorage.StateName"/>), only when it raises events: the
/// fences it is inside and its event sequence, so a reactivated aircraft raises no FirstSeen or Entered again for a
/// fence it was already inside, and its sequence (part of alert ids) keeps increasing.
/// </summary>
[GenerateSerializer, Alias("livetrack.AircraftFenceState")]
public sealed class AircraftFenceState
{
    [Id(0)] public long Sequence { get; set; }

    [Id(1)] public List<string> Inside { get; set; } = [];
}
