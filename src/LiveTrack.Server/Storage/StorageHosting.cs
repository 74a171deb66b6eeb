using LiveTrack.Grains;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace LiveTrack.Server.Storage;

public static class StorageHosting
{
    /// <summary>
    /// The embedded profile's durable grain state: the <see cref="LiveTrackStorage.StateName"/> grain storage and the
    /// reminder table, both in files under <see cref="StorageOptions.StatePath"/> (the cluster profile registers
    /// PostgreSQL ones instead).
    /// </summary>
    public static ISiloBuilder AddLiveTrackEmbeddedState(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddGrainStorage(LiveTrackStorage.StateName, (sp, _) =>
            new FileGrainStorage(Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.StatePath, "grains"), sp.GetRequiredService<IGrainStorageSerializer>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new FileReminderTable(sp.GetRequiredService<IOptions<StorageOptions>>().Value.StatePath));
        return silo;
    }
}
