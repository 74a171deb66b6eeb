using System.ComponentModel.DataAnnotations;

namespace LiveTrack.ServiceDefaults;

/// <summary>LiveTrack's telemetry settings (<c>LiveTrack:Telemetry</c>); exporters follow the standard <c>OTEL_*</c> variables.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "LiveTrack:Telemetry";

    /// <summary>
    /// Share of new traces recorded (0 to 1), i.e. of position reports at feed rate. Positions that raise a geofence
    /// event or alert are traced whatever the ratio. Ignored when <c>OTEL_TRACES_SAMPLER</c> is set.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SampleRatio { get; set; } = 0.05;

    /// <summary>Also write traces, metrics and logs to the console (development).</summary>
    public bool Console { get; set; }
}
