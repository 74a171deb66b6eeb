using LiveTrack.History.DuckDb;

namespace LiveTrack.History.Tests;

/// <summary>The store contract on the embedded DuckDB store, with a small stage so compaction runs within the tests.</summary>
public sealed class DuckDbHistoryStoreTests : HistoryStoreContract, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("livetrack-history-").FullName;

    private string File => Path.Combine(directory, "nested", "history.duckdb");

    protected override Task<IHistoryStore> CreateStore() => Task.FromResult<IHistoryStore>(new DuckDbHistoryStore(File, compactRows: 64));

    protected override async Task<IHistoryStore> Reopen()
    {
        await Store.DisposeAsync();
        Store = new DuckDbHistoryStore(File, compactRows: 64);
        await Store.InitializeAsync();
        return Store;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
