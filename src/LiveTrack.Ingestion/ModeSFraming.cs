namespace LiveTrack.Ingestion;

/// <summary>The framing of a raw Mode S feed.</summary>
public enum ModeSFraming
{
    /// <summary>Beast binary (readsb/dump1090 port 30005).</summary>
    Beast,
    /// <summary>AVR text lines (port 30002).</summary>
    Avr,
}
