using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace LiveTrack.Import.Tests;

/// <summary>
/// A temporary folder for one test's generated files, plus small writers for the shapes readsb, SBS loggers and
/// OpenSky produce. Every fixture is written here by the tests; none is copied from elsewhere. Clock:
/// 1732363200 = 2024-11-23 12:00:00 UTC.
/// </summary>
public sealed class ImportFixtures : IDisposable
{
    public const long NoonSeconds = 1_732_363_200;

    public static readonly DateTimeOffset Noon = DateTimeOffset.FromUnixTimeSeconds(NoonSeconds);

    public ImportFixtures()
    {
        Folder = Directory.CreateTempSubdirectory("livetrack-import-").FullName;
    }

    public string Folder { get; }

    public string Path(string name)
    {
        var path = System.IO.Path.Combine(Folder, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes gzip the way readsb does: a single member, whatever the file's name.</summary>
    public string WriteGzip(string name, string text) => Write(name, Gzip(Encoding.UTF8.GetBytes(text)));

    public string WriteZip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Path(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, content) in entries)
        {
            using var stream = zip.CreateEntry(entryName).Open();
            stream.Write(content);
        }

        return path;
    }

    public string WriteTarGz(string name, params (string Entry, byte[] Content)[] entries)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(content) });
            }
        }

        return Write(name, Gzip(tar.ToArray()));
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the system's temp directory.
        }
    }
}
