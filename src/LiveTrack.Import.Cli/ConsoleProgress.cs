using System.Diagnostics;

namespace LiveTrack.Import.Cli;

/// <summary>Redraws one progress line on standard error (in place on a terminal, a line every few seconds otherwise).</summary>
internal sealed class ConsoleProgress(Stopwatch clock) : IProgress<ImportProgress>
{
    private static readonly TimeSpan RedirectedInterval = TimeSpan.FromSeconds(5);
    private readonly bool terminal = !Console.IsErrorRedirected;
    private TimeSpan lastLine = -RedirectedInterval;

    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elapsed = clock.Elapsed;
        var line = ConsoleReport.ProgressLine(value, elapsed);
        if (terminal)
        {
            Console.Error.Write($"\r{line}\u001b[K");
            if (value.Completed)
            {
                Console.Error.WriteLine();
            }
        }
        else if (value.Completed || elapsed - lastLine >= RedirectedInterval)
        {
            lastLine = elapsed;
            Console.Error.WriteLine(line);
        }
    }
}
