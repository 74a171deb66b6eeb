using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LiveTrack.Server.Tests;

/// <summary>The README's project table says what each project references.</summary>
public sealed partial class ReadmeProjectTableTests
{
    [GeneratedRegex(@"^\| `(LiveTrack\.[A-Za-z.]+)` \| ([^|]+) \|")]
    private static partial Regex ProjectRow();

    [Fact]
    public void The_readme_project_table_lists_exactly_each_projects_references()
    {
        var root = OpenApiTests.RepositoryRoot();
        var projects = Directory.GetDirectories(Path.Combine(root, "src")).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var rows = File.ReadLines(Path.Combine(root, "README.md")).Select(l => ProjectRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

        Assert.Equal(projects.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, column) in rows)
        {
            var referenced = XDocument.Load(Path.Combine(root, "src", project, project + ".csproj"))
                .Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                .Select(name => name["LiveTrack.".Length..])
                .Order(StringComparer.Ordinal)
                .ToList();
            var named = column.Trim() == "all of the above" || column.StartsWith("all of the above", StringComparison.Ordinal)
                ? referenced
                : Regex.Split(column, @"[^A-Za-z]+").Where(w => projects.Contains("LiveTrack." + w)).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(referenced.SequenceEqual(named), $"{project}: README says [{string.Join(", ", named)}], the project references [{string.Join(", ", referenced)}]");
        }
    }
}
