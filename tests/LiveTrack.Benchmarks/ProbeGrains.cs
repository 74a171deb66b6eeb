namespace LiveTrack.Benchmarks;

/// <summary>
/// Grains that hold nothing, for the <c>--memory</c> mode: what an Orleans activation costs on its own, and with the
/// kind of grain timer <c>AircraftGrain</c> registers for silence detection.
/// </summary>
[Alias("livetrack.benchmarks.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Touch")]
    Task Touch();
}

/// <summary>An activation and nothing else.</summary>
internal sealed class ProbeGrain : Grain, IProbeGrain
{
    public Task Touch() => Task.CompletedTask;
}

/// <summary>An activation with one periodic grain timer, registered as <c>AircraftGrain</c> registers its own.</summary>
[Alias("livetrack.benchmarks.ITimerProbeGrain")]
public interface ITimerProbeGrain : IGrainWithStringKey
{
    [Alias("Touch")]
    Task Touch();
}

internal sealed class TimerProbeGrain : Grain, ITimerProbeGrain
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(15);
    private IGrainTimer? timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        timer = this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(Period, Period) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task Touch() => timer is null ? throw new InvalidOperationException("Not activated.") : Task.CompletedTask;
}
