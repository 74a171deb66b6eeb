using System.Diagnostics;

namespace LiveTrack.Grains;

/// <summary>
/// The clock of Orleans' membership and silo health monitoring: real time, with timestamps counted from the moment the
/// silo creates it instead of from the machine's boot. Differences between timestamps — all Orleans computes with
/// them — are unchanged.
/// </summary>
/// <remarks>
/// Why: Orleans' watchdog starts its platform-check thread before it stamps the time of the last participant check.
/// When that thread's first check runs first (most starts on a busy machine), it measures from the unstamped 0 and
/// warns "Participant check thread has not completed for …" with the machine's uptime (e.g. 00:14:59 on a machine up
/// 15 minutes), although nothing stalled. Counted from the silo's start, an unstamped 0 means "just now".
/// </remarks>
public sealed class SiloHealthClock : TimeProvider
{
    private readonly long origin = Stopwatch.GetTimestamp() - 1;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - origin;
}
