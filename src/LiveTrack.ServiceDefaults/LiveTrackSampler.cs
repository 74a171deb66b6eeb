using LiveTrack.Telemetry;
using OpenTelemetry.Trace;

namespace LiveTrack.ServiceDefaults;

/// <summary>
/// Parent-based sampling with a trace-id ratio for new traces, except that a new trace started with
/// <see cref="LiveTrackDiagnostics.ForceSampleTag"/> (a position that raised a geofence event or alert) is always
/// recorded, so every event and alert has a trace whatever the ratio.
/// </summary>
public sealed class LiveTrackSampler : Sampler
{
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);
    private readonly ParentBasedSampler inner;

    public LiveTrackSampler(double ratio)
    {
        inner = new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio));
        Description = $"LiveTrackSampler{{{ratio}}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.ParentContext.TraceId == default && samplingParameters.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == LiveTrackDiagnostics.ForceSampleTag)
                {
                    return Sample;
                }
            }
        }

        return inner.ShouldSample(samplingParameters);
    }
}
