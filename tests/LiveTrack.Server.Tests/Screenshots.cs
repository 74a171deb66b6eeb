namespace LiveTrack.Server.Tests;

/// <summary>Where page tests save their screenshots: <c>tests/TestResults/screenshots</c>, beside the test results.</summary>
public static class Screenshots
{
    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveTrack.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "TestResults", "screenshots", fileName);
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots", fileName);
    }
}
