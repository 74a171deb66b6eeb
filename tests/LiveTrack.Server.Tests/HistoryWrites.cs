using System.Diagnostics.Metrics;
using LiveTrack.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LiveTrack.Server.Tests;

/// <summary>
/// Waits for what a server has recorded in its history: a check (an API call) is made, and made again each time the
/// server's history writer reports a written batch (<c>livetrack.history.written</c>), never on a timer.
/// </summary>
public sealed class HistoryWrites : IDisposable
{
    private readonly MetricCollector<long> written;

    /// <summary>Starts listening; create it before the writes it is to see (a write before is seen by the first check).</summary>
    public HistoryWrites(LiveTrackTestServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        written = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), LiveTrackDiagnostics.SourceName, "livetrack.history.written");
    }

    /// <summary>The first non-null answer of <paramref name="check"/>; fails naming <paramref name="what"/> after the timeout.</summary>
    public async Task<T> Until<T>(Func<CancellationToken, Task<T?>> check, string what, TimeSpan? timeout = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(check);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var seen = written.GetMeasurementSnapshot().Count;
                if (await check(cts.Token) is { } answer)
                {
                    return answer;
                }

                await written.WaitForMeasurementsAsync(seen + 1, cts.Token);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out waiting for {what} in the history ({written.GetMeasurementSnapshot().Count} write measurements seen).");
        }
    }

    public void Dispose() => written.Dispose();
}
