namespace LiveTrack.Import;

/// <summary>Reads the records of one file (already decompressed) of one format into the session.</summary>
internal interface IRecordReader
{
    /// <summary>
    /// Reads to the end of <paramref name="content"/>. Malformed records are counted and skipped; a problem that
    /// stops the file (truncated or invalid data) is thrown as <see cref="ImportFileException"/>,
    /// <see cref="InvalidDataException"/> or <see cref="IOException"/> after the records before it were added.
    /// </summary>
    Task ReadAsync(Stream content, ImportSession session);
}
