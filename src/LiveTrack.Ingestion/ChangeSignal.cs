namespace LiveTrack.Ingestion;

/// <summary>
/// A "something changed" notification for whoever waits: <see cref="Next"/> completes at the next
/// <see cref="Notify"/>. Take the task before checking the watched state, then await it, and no change in between is
/// missed. <see cref="Notify"/> costs one volatile read while nobody waits, so hot paths may call it freely.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource? next;

    public Task Next()
    {
        var current = Volatile.Read(ref next);
        if (current is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            current = Interlocked.CompareExchange(ref next, created, null) ?? created;
        }

        return current.Task;
    }

    public void Notify()
    {
        if (Volatile.Read(ref next) is { } waiting && Interlocked.CompareExchange(ref next, null, waiting) == waiting)
        {
            waiting.TrySetResult();
        }
    }
}
