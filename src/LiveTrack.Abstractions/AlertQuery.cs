namespace LiveTrack;

/// <summary>Filter and page of an alert history query; every filter is optional.</summary>
[GenerateSerializer, Immutable, Alias("livetrack.AlertQuery")]
public sealed record AlertQuery
{
    [Id(0)] public string? RuleId { get; init; }
    [Id(1)] public string? Icao { get; init; }

    /// <summary>Alerts raised at or after this time.</summary>
    [Id(2)] public DateTimeOffset? From { get; init; }

    /// <summary>Alerts raised before this time.</summary>
    [Id(3)] public DateTimeOffset? To { get; init; }

    [Id(4)] public int Limit { get; init; } = 100;

    /// <summary>The <see cref="AlertPage.Next"/> of the previous page.</summary>
    [Id(5)] public string? Cursor { get; init; }
}
