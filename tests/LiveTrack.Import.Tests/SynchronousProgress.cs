namespace LiveTrack.Import.Tests;

/// <summary>Collects progress reports on the reporting thread (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class SynchronousProgress : IProgress<ImportProgress>
{
    public List<ImportProgress> Reports { get; } = [];

    public void Report(ImportProgress value) => Reports.Add(value);
}
