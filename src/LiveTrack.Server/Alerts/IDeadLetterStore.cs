namespace LiveTrack.Server.Alerts;

/// <summary>
/// Where webhook deliveries that gave up are kept (listed by the API, re-sendable): the newest
/// <see cref="AlertOptions.MaxDeadLetters"/>, oldest first.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>The kept dead letters, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> List(CancellationToken cancellationToken);

    /// <summary>Keeps a dead letter (replacing one with its id), dropping the oldest beyond the limit.</summary>
    Task Add(DeadLetter letter, CancellationToken cancellationToken);

    /// <summary>Takes a dead letter off the list; false when it is not there (e.g. a concurrent re-send took it).</summary>
    Task<bool> Remove(string id, CancellationToken cancellationToken);
}
