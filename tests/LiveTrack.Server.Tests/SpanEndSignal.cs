using System.Diagnostics;
using OpenTelemetry;

namespace LiveTrack.Server.Tests;

/// <summary>A trace processor that notifies <see cref="Ended"/> as each span ends (after the exporters before it ran).</summary>
public sealed class SpanEndSignal : BaseProcessor<Activity>
{
    public ChangeSignal Ended { get; } = new();

    public override void OnEnd(Activity data) => Ended.Notify();
}
