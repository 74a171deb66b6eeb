namespace LiveTrack.Server.Tests;

/// <summary>
/// "Something changed": whoever changes the observed state calls <see cref="Notify"/>, and a waiter re-checks its
/// condition on each notification (never on a timer). The timeout only guards against a hang.
/// </summary>
public sealed class ChangeSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify()
    {
        TaskCompletionSource current;
        lock (gate)
        {
            current = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="describe"/>'s text after the timeout.</summary>
    public async Task WaitFor(Func<bool> condition, Func<string> describe, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task next;
            lock (gate)
            {
                // Taken before the check: a change between the check and the wait still wakes it.
                next = changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException(describe());
            }
        }
    }
}
