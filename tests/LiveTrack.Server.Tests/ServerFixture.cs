namespace LiveTrack.Server.Tests;

/// <summary>One server shared by the end-to-end tests of a collection; each test uses its own aircraft addresses.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public LiveTrackTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LiveTrackTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

internal static class Icao
{
    private static int next;

    public static string New() => $"{0x500000 + Interlocked.Increment(ref next):x6}";
}
