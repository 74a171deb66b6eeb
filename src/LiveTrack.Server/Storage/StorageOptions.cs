using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Storage;

/// <summary>
/// Where durable state lives. Bound from <c>LiveTrack:Storage</c>: local files (the embedded default) or a shared
/// PostgreSQL database.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "LiveTrack:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Files;

    /// <summary>Npgsql connection string (required with <see cref="StorageProvider.PostgreSql"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the grain state (rule timers and cooldowns, fence membership) and reminders, with files.</summary>
    [Required]
    public string StatePath { get; set; } = "data/state";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("A connection string is required when Provider is PostgreSql.", [nameof(ConnectionString)]);
        }
    }
}
