namespace LiveTrack.Import;

/// <summary>
/// The source cannot be imported at all: it does not exist, it is empty, or none of its files could be read. The
/// message says why, naming the file; <see cref="Progress"/> says what was tried.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportException(string message, ImportProgress progress)
        : base(message) => Progress = progress;

    /// <summary>The counts at the time of the failure, when the source was opened.</summary>
    public ImportProgress? Progress { get; }
}
