using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace LiveTrack.LoadGenerator;

/// <summary>
/// Follows the server's managed heap through its GC events (EventPipe, the same channel dotnet-counters uses): the
/// heap size after each collection, and the peak of those.
/// </summary>
internal sealed class ManagedHeapMonitor : IDisposable
{
    private readonly EventPipeSession session;
    private readonly Task processing;
    private long lastBytes;
    private long peakBytes;

    private ManagedHeapMonitor(EventPipeSession session)
    {
        this.session = session;
        processing = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            source.Clr.GCHeapStats += e =>
            {
                var total = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
                Interlocked.Exchange(ref lastBytes, total);
                if (total > Interlocked.Read(ref peakBytes))
                {
                    Interlocked.Exchange(ref peakBytes, total);
                }
            };
            source.Process();
        });
    }

    public long LastBytes => Interlocked.Read(ref lastBytes);

    public long PeakBytes => Interlocked.Read(ref peakBytes);

    public static ManagedHeapMonitor? TryStart(int processId)
    {
        try
        {
            var client = new DiagnosticsClient(processId);
            var session = client.StartEventPipeSession(
                [new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)],
                requestRundown: false);
            return new ManagedHeapMonitor(session);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or IOException)
        {
            Console.Error.WriteLine($"managed heap not measured: {ex.Message}");
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
        }

        processing.Wait(TimeSpan.FromSeconds(5));
        session.Dispose();
    }
}
