using System.Net;
using System.Net.Sockets;

namespace LiveTrack.TestSupport;

/// <summary>
/// Ports for Orleans silos, the one listener a test cannot bind to port 0: a silo's address (with its port) is its
/// identity in the cluster and is advertised before the socket is bound. So a port is picked free just before the
/// start (<see cref="Candidate"/>), and a start that loses it to another process in that moment is retried with a
/// new one (<see cref="IsTaken"/>) — what Orleans' own test cluster does. Every other test listener binds port 0.
/// </summary>
public static class SiloPorts
{
    /// <summary>Starts made before giving up on ports taken between picking and binding.</summary>
    public const int Attempts = 3;

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int Candidate()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether a start failed because its port was taken (anywhere in the exception's chain).</summary>
    public static bool IsTaken(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }

            if (exception is AggregateException many && many.InnerExceptions.Any(IsTaken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs <paramref name="start"/> with a fresh <see cref="Candidate"/> until it does not lose its port.</summary>
    public static async Task<T> StartAsync<T>(Func<int, Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(Candidate());
            }
            catch (Exception ex) when (attempt < Attempts && IsTaken(ex))
            {
                // Another process took the port between picking it and binding it: pick another.
            }
        }
    }
}
