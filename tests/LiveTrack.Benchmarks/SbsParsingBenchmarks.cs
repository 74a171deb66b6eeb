using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiveTrack.Adsb;

namespace LiveTrack.Benchmarks;

/// <summary><see cref="SbsParser.TryParse(ReadOnlySpan{byte}, out SbsMessage, out string?)"/>, per line.</summary>
[MemoryDiagnoser]
public class SbsParsingBenchmarks
{
    private SbsLines lines = null!;

    [Params(LineMix.Mixed, LineMix.PositionsOnly)]
    public LineMix Mix { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var messages = Traffic.SteadyMessages(Mix);
        lines = Traffic.ToLines(messages);
        Traffic.EnsureCount(lines.Count, "lines");
        var types = string.Join(", ", messages
            .GroupBy(m => m.Type)
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"MSG,{(int)g.Key} {100.0 * g.Count() / messages.Length:F1} %")));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {lines.Count} lines, {lines.Length} bytes ({(double)lines.Length / lines.Count:F1} bytes per line with CRLF): {types}"));
    }

    [Benchmark(OperationsPerInvoke = Traffic.Count)]
    public int TryParse()
    {
        var messages = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (SbsParser.TryParse(lines[i], out _, out _) == SbsParseStatus.Message)
            {
                messages++;
            }
        }

        return messages;
    }
}
