using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace LiveTrack.Benchmarks;

/// <summary>
/// Settings for a small shared machine (2 cores): one launch, 3 warm-up and 10 measured iterations per case instead
/// of BenchmarkDotNet's adaptive default (up to 100), so the whole suite runs in a few minutes. Benchmarks run in a
/// separate process built by BenchmarkDotNet (the default out-of-process toolchain). Command-line options
/// (<c>--job</c>, <c>--iterationCount</c>, <c>--inProcess</c>, …) still apply on top.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("SmallMachine")
            .AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
        HideColumns(Column.Median, Column.Gen0, Column.Gen1, Column.Gen2);
    }
}
