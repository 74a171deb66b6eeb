using LiveTrack.ModeS;

namespace LiveTrack.Ingestion;

/// <summary>Which feeds decode raw Mode S, and with what receiver settings.</summary>
internal static class ModeSFeeds
{
    /// <summary>A decoder for Beast and AVR feeds and for a simulator speaking Beast; null for every other feed.</summary>
    public static ModeSFeedDecoder? CreateDecoder(FeedOptions options)
    {
        ModeSFraming? framing = options.Type switch
        {
            FeedType.BeastClient or FeedType.BeastListener => ModeSFraming.Beast,
            FeedType.AvrClient or FeedType.AvrListener => ModeSFraming.Avr,
            FeedType.Simulator when options.Output == SimulatorOutput.Beast => ModeSFraming.Beast,
            _ => null,
        };

        return framing is { } f
            ? new ModeSFeedDecoder(f, new ModeSReceiverOptions
            {
                ReceiverLatitude = options.ReceiverLatitude,
                ReceiverLongitude = options.ReceiverLongitude,
                MaxRangeNauticalMiles = options.MaxRangeNauticalMiles,
            })
            : null;
    }
}
