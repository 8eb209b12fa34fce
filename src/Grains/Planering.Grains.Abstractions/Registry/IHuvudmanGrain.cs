namespace Planering.Grains.Registry;

/// <summary>One school organiser, keyed by its 10-digit organisation number.</summary>
[Alias("planering.IHuvudmanGrain")]
public interface IHuvudmanGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the huvudman's profile; returns it as stored.</summary>
    [Alias("Upsert")]
    Task<HuvudmanRecord> UpsertAsync(HuvudmanUpsert upsert);

    /// <summary>The stored profile; NotFound if the huvudman was never registered.</summary>
    [Alias("Get")]
    Task<HuvudmanRecord> GetAsync();
}
