using System.Globalization;
using System.Text.Json;

namespace LiveTrack.Server.Storage;

/// <summary>
/// The Orleans reminder table in one local file (<c>reminders.json</c>), held in memory and rewritten crash-safe on
/// every change (<see cref="DurableFile"/>): reminders registered before a restart fire after it. Reminders change
/// rarely (a rule grain's next deadline moving earlier), so a whole-file rewrite is cheap.
/// </summary>
public sealed class FileReminderTable(string folder) : IReminderTable, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> entries = [];
    private bool loaded;
    private long etag;

    private string FilePath => Path.Combine(folder, "reminders.json");

    public void Dispose() => gate.Dispose();

    public async Task Init()
    {
        await Locked(() => Task.CompletedTask);
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Locked(() => Task.FromResult(new ReminderTableData(entries.Values.Where(e => e.GrainId == grainId).ToList())));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Locked(() => Task.FromResult(new ReminderTableData(entries.Values.Where(e => InRange(e.GrainId.GetUniformHashCode(), begin, end)).ToList())));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Locked(() => Task.FromResult(entries.GetValueOrDefault((grainId, reminderName))));

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Locked<string?>(async () =>
        {
            var tag = (++etag).ToString(CultureInfo.InvariantCulture);
            entries[(entry.GrainId, entry.ReminderName)] = new ReminderEntry
            {
                GrainId = entry.GrainId,
                ReminderName = entry.ReminderName,
                StartAt = entry.StartAt,
                Period = entry.Period,
                ETag = tag,
            };
            await Save();
            return tag;
        });
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => Locked(async () =>
    {
        if (!entries.TryGetValue((grainId, reminderName), out var existing) || existing.ETag != eTag)
        {
            return false;
        }

        entries.Remove((grainId, reminderName));
        await Save();
        return true;
    });

    public Task TestOnlyClearTable() => Locked(async () =>
    {
        entries.Clear();
        await Save();
    });

    /// <summary>The ring range (begin, end] of the reminder service, which wraps when begin ≥ end.</summary>
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private async Task<T> Locked<T>(Func<Task<T>> action)
    {
        await gate.WaitAsync();
        try
        {
            Load();
            return await action();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task Locked(Func<Task> action) => await Locked(async () =>
    {
        await action();
        return true;
    });

    private void Load()
    {
        if (loaded)
        {
            return;
        }

        loaded = true;
        if (!File.Exists(FilePath))
        {
            return;
        }

        foreach (var row in JsonSerializer.Deserialize<List<StoredReminder>>(File.ReadAllBytes(FilePath)) ?? [])
        {
            var tag = (++etag).ToString(CultureInfo.InvariantCulture);
            var grain = GrainId.Parse(row.Grain);
            entries[(grain, row.Name)] = new ReminderEntry { GrainId = grain, ReminderName = row.Name, StartAt = row.StartAt, Period = row.Period, ETag = tag };
        }
    }

    private async Task Save()
    {
        Directory.CreateDirectory(folder);
        var rows = entries.Values.Select(e => new StoredReminder(e.GrainId.ToString(), e.ReminderName, e.StartAt, e.Period)).ToList();
        await DurableFile.WriteAsync(FilePath, JsonSerializer.SerializeToUtf8Bytes(rows), CancellationToken.None);
    }

    private sealed record StoredReminder(string Grain, string Name, DateTime StartAt, TimeSpan Period);
}
