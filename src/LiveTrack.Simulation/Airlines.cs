namespace LiveTrack.Simulation;

/// <summary>ICAO airline designators used to build civil callsigns.</summary>
internal static class Airlines
{
    public static readonly string[] Designators =
    [
        "AAL", "DAL", "UAL", "ASA", "SWA", "ACA", "AMX", "BAW", "DLH", "AFR", "KLM", "IBE", "ITY", "THY", "SAS",
        "UAE", "QTR", "ETD", "ETH", "SAA", "AIC", "SIA", "THA", "CPA", "CCA", "CES", "CSN", "KAL", "JAL", "ANA",
        "QFA", "ANZ", "FJI", "LAN", "TAM", "AVA", "HAL",
    ];
}
