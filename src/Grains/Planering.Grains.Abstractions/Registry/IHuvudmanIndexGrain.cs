namespace Planering.Grains.Registry;

/// <summary>
/// The listing index of the huvudmän of one kommun (key: kommunkod). Orleans cannot enumerate grains, so listings come
/// from these shards; one per kommun keeps every state write small however many huvudmän the country has.
/// </summary>
[Alias("planering.IHuvudmanIndexGrain")]
public interface IHuvudmanIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a huvudman's entry, keeping the office it is assigned to.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(HuvudmanRecord huvudman);

    /// <summary>Drops a huvudman that moved to another kommun.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string organisationNumber);

    /// <summary>
    /// Records the offices the planning grain assigned (organisation number → office id). The shards are where the live
    /// assignment is stored: each holds its kommun's part, so no write grows with the whole country.
    /// </summary>
    [Alias("SetOffices")]
    Task SetOfficesAsync(IReadOnlyDictionary<string, string> officeByHuvudman);

    /// <summary>The office a huvudman of this kommun is assigned to; null when it has none yet or is not listed here.</summary>
    [Alias("OfficeOf"), ReadOnly]
    Task<string?> OfficeOfAsync(string organisationNumber);

    /// <summary>The record listed for a huvudman, or null.</summary>
    [Alias("RecordOf"), ReadOnly]
    Task<HuvudmanRecord?> RecordOfAsync(string organisationNumber);

    /// <summary>Entries matching the filter after the given organisation number (exclusive), at most <paramref name="limit"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<HuvudmanShardPage> ListAsync(HuvudmanFilter filter, string? after, int limit);

    /// <summary>
    /// Stores an import's part of this kommun, invisible until the import commits: entries to add or refresh (an entry's
    /// office is used only when the kommun does not list the huvudman yet) and organisation numbers that move away.
    /// </summary>
    [Alias("StageImport")]
    Task StageImportAsync(string importId, IReadOnlyList<HuvudmanListing> upserts, IReadOnlyList<string> removals);

    /// <summary>Applies a committed import's staged part in one write (idempotent).</summary>
    [Alias("CommitImport")]
    Task CommitImportAsync(string importId);
}

/// <summary>
/// Where register imports keep the profiles they import: index grains of their own (never listed, keyed
/// <c>imported-NN</c> by two digits of the organisation number, 100 buckets), staged and committed with the kommun
/// shards, so an import of 100,000 huvudmän writes about 400 grains instead of 100,000. A huvudman grain reads its bucket
/// when it activates and takes the imported profile when it is newer than its own.
/// </summary>
public static class ImportedProfiles
{
    public static string BucketOf(string organisationNumber)
    {
        ArgumentNullException.ThrowIfNull(organisationNumber);
        return string.Concat("imported-", organisationNumber.AsSpan(7, 2));
    }
}

/// <summary>The one way to ask where a huvudman is assigned: its kommun's index shard, which stores that part of the plan.</summary>
public static class HuvudmanOffice
{
    public static Task<string?> OfficeOfAsync(this IGrainFactory grains, HuvudmanRecord huvudman)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(huvudman);
        return grains.GetGrain<IHuvudmanIndexGrain>(huvudman.Kommunkod).OfficeOfAsync(huvudman.OrganisationNumber);
    }
}
