namespace LiveTrack.History;

/// <summary>A time window [<see cref="From"/>, <see cref="To"/>): start inclusive, end exclusive.</summary>
public readonly record struct HistoryWindow(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    /// <summary>The UTC days (partitions) the window touches, oldest first.</summary>
    public IEnumerable<DateOnly> Days()
    {
        if (To <= From)
        {
            yield break;
        }

        var last = HistoryTime.DayOf(To - TimeSpan.FromTicks(10));
        for (var day = HistoryTime.DayOf(From); day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
