using System.Globalization;

namespace LiveTrack.Identity;

/// <summary>
/// Identity from the address allocation (country), the military address ranges and an optional aircraft
/// database. Non-ICAO addresses (<c>~</c>…) get nothing from the allocation tables.
/// </summary>
public sealed class AircraftIdentityProvider(AircraftDatabase database) : IAircraftIdentityProvider
{
    /// <summary>Allocation tables only, no database.</summary>
    public AircraftIdentityProvider()
        : this(AircraftDatabase.Empty)
    {
    }

    public AircraftDatabase Database { get; } = database;

    public AircraftIdentity? Find(string icao)
    {
        ArgumentNullException.ThrowIfNull(icao);
        if (icao.Length != 6 || !int.TryParse(icao, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address))
        {
            return null;
        }

        var block = IcaoAllocations.Find(address);
        var record = Database.Find(address);
        if (block is null && record is null)
        {
            return null;
        }

        var military = MilitaryAddresses.IsMilitary(address) || record?.Military == true
            ? true
            : record?.Military ?? (block?.CountryCode is not null ? false : null);
        return new AircraftIdentity
        {
            Country = block?.Name,
            CountryCode = block?.CountryCode,
            Military = military,
            Registration = record?.Registration,
            TypeCode = record?.TypeCode,
            Description = record?.Description,
            Operator = record?.Operator,
            Tags = record is null ? [] : [.. record.Tags],
            InDatabase = record is not null,
        };
    }
}
