using BenchmarkDotNet.Running;
using LiveTrack.Benchmarks;

if (args.Contains(RetainedMemory.Switch, StringComparer.Ordinal))
{
    return await RetainedMemory.Run(Console.Out);
}

if (args.Contains(HistoryStoreMeasurement.Switch, StringComparer.Ordinal))
{
    return await HistoryStoreMeasurement.Run(args, Console.Out);
}

if (args.Contains(ImportStoreMeasurement.Switch, StringComparer.Ordinal))
{
    return await ImportStoreMeasurement.Run(Console.Out);
}

if (args.Contains(HistoryCandidates.Switch, StringComparer.Ordinal))
{
    return HistoryCandidates.Run(args, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
return 0;
