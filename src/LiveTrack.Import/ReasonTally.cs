namespace LiveTrack.Import;

/// <summary>Counts per reason with the first few samples of each; reasons are few, samples are bounded.</summary>
internal sealed class ReasonTally(int samplesPerReason)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    /// <summary>Whether another sample for <paramref name="reason"/> would be kept (so callers build it only then).</summary>
    public bool WantsSample(string reason) =>
        !entries.TryGetValue(reason, out var entry) || entry.Samples.Count < samplesPerReason;

    public void Add(string reason, long count, string? sample)
    {
        if (count <= 0)
        {
            return;
        }

        if (!entries.TryGetValue(reason, out var entry))
        {
            entry = new Entry();
            entries.Add(reason, entry);
        }

        entry.Count += count;
        Total += count;
        if (sample is not null && entry.Samples.Count < samplesPerReason)
        {
            entry.Samples.Add(sample);
        }
    }

    public void AddSamples(string reason, IEnumerable<string> samples)
    {
        if (!entries.TryGetValue(reason, out var entry))
        {
            return;
        }

        foreach (var sample in samples)
        {
            if (entry.Samples.Count >= samplesPerReason)
            {
                break;
            }

            entry.Samples.Add(sample);
        }
    }

    public IReadOnlyList<ImportReasonCount> Snapshot() =>
        [.. entries
            .OrderByDescending(e => e.Value.Count)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ImportReasonCount(e.Key, e.Value.Count, [.. e.Value.Samples]))];

    private sealed class Entry
    {
        public long Count { get; set; }

        public List<string> Samples { get; } = [];
    }
}
