namespace LiveTrack.Import;

/// <summary>A file cannot be read (further): the reason is one of a few stable phrases, the message the details.</summary>
internal sealed class ImportFileException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
