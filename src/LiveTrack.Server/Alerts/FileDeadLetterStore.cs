using System.Text.Json;
using LiveTrack.Alerting;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Dead letters in <c>dead-letters.json</c> under <see cref="AlertOptions.HistoryPath"/>, rewritten whole on each
/// change (write, fsync, rename) and held in memory; an unreadable file (empty, truncated) is quarantined so the
/// server still starts. A failed write keeps the list in memory (visible through the API); the file catches up on the
/// next change.
/// </summary>
public sealed partial class FileDeadLetterStore : IDeadLetterStore
{
    private readonly Lock gate = new();
    private readonly string path;
    private readonly int maxDeadLetters;
    private readonly ILogger<FileDeadLetterStore> logger;
    private readonly List<DeadLetter> letters;

    public FileDeadLetterStore(IOptions<AlertOptions> options, TimeProvider timeProvider, ILogger<FileDeadLetterStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.logger = logger;
        path = Path.Combine(options.Value.HistoryPath, "dead-letters.json");
        maxDeadLetters = options.Value.MaxDeadLetters;
        letters = Load(timeProvider);
    }

    public Task<IReadOnlyList<DeadLetter>> List(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>([.. letters]);
        }
    }

    public Task Add(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        lock (gate)
        {
            letters.RemoveAll(l => l.Id == letter.Id);
            letters.Add(letter);
            if (letters.Count > maxDeadLetters)
            {
                letters.RemoveRange(0, letters.Count - maxDeadLetters);
            }

            Save();
        }

        return Task.CompletedTask;
    }

    public Task<bool> Remove(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (letters.RemoveAll(l => l.Id == id) == 0)
            {
                return Task.FromResult(false);
            }

            Save();
            return Task.FromResult(true);
        }
    }

    private List<DeadLetter> Load(TimeProvider timeProvider)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<List<DeadLetter>>(stream, AlertJson.Options) ?? [];
        }
        catch (JsonException ex)
        {
            LogQuarantined(logger, path, Storage.DurableFile.Quarantine(path, timeProvider.GetUtcNow()), ex.Message);
            return [];
        }
    }

    private void Save()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Storage.DurableFile.Write(path, stream => JsonSerializer.Serialize(stream, letters, AlertJson.Options));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotSaved(logger, path, ex);
        }
    }

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "{Path} is unreadable ({Problem}); moved aside to {QuarantinedAs}, starting with no dead letters")]
    private static partial void LogQuarantined(ILogger logger, string path, string quarantinedAs, string problem);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Dead letters could not be saved to {Path}")]
    private static partial void LogNotSaved(ILogger logger, string path, Exception exception);
}
