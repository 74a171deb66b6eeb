namespace LiveTrack.ModeS;

/// <summary>Settings of one <see cref="ModeSReceiver"/> (one feed's stream of frames).</summary>
public sealed record ModeSReceiverOptions
{
    /// <summary>Receiver latitude: the reference for surface positions, and with <see cref="MaxRangeNauticalMiles"/> a range check.</summary>
    public double? ReceiverLatitude { get; init; }

    public double? ReceiverLongitude { get; init; }

    /// <summary>Positions farther than this from the receiver are rejected (only with a receiver location).</summary>
    public double MaxRangeNauticalMiles { get; init; } = 400;

    /// <summary>Most time between the two messages of an airborne even/odd pair.</summary>
    public TimeSpan AirbornePairWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most time between the two messages of a surface even/odd pair (surface targets move slowly).</summary>
    public TimeSpan SurfacePairWindow { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>How long a resolved position stays the reference for local decoding and the speed check.</summary>
    public TimeSpan ReferenceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an address seen in a reliable message (DF11/17/18) makes address/parity replies from it trusted.</summary>
    public TimeSpan AddressLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fastest plausible airborne movement between two fixes.</summary>
    public double MaxAirborneSpeedKnots { get; init; } = 1500;

    /// <summary>Fastest plausible movement between two surface fixes.</summary>
    public double MaxSurfaceSpeedKnots { get; init; } = 250;
}
