namespace LiveTrack.LoadGenerator;

/// <summary>Report-to-client latency in 0.1 ms buckets up to 60 s (thread-safe, fixed memory).</summary>
internal sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private readonly long[] buckets = new long[600_000];
    private long total;

    public void Record(TimeSpan latency)
    {
        var index = (int)Math.Clamp(latency.TotalMilliseconds / BucketMs, 0, buckets.Length - 1);
        Interlocked.Increment(ref buckets[index]);
        Interlocked.Increment(ref total);
    }

    /// <summary>The non-empty buckets as (index, count) pairs: what a client worker process sends back.</summary>
    public long[][] NonEmpty()
    {
        var pairs = new List<long[]>();
        for (var i = 0; i < buckets.Length; i++)
        {
            var count = Interlocked.Read(ref buckets[i]);
            if (count > 0)
            {
                pairs.Add([i, count]);
            }
        }

        return [.. pairs];
    }

    /// <summary>Adds another histogram's <see cref="NonEmpty"/> buckets to this one.</summary>
    public void Add(long[][] pairs)
    {
        foreach (var pair in pairs)
        {
            var index = (int)Math.Clamp(pair[0], 0, buckets.Length - 1);
            Interlocked.Add(ref buckets[index], pair[1]);
            Interlocked.Add(ref total, pair[1]);
        }
    }

    public double Percentile(double p)
    {
        var target = (long)Math.Ceiling(Interlocked.Read(ref total) * p);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += Interlocked.Read(ref buckets[i]);
            if (seen >= target && target > 0)
            {
                return Math.Round((i + 1) * BucketMs, 1);
            }
        }

        return double.NaN;
    }
}
