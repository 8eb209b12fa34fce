namespace Planering.Grains.Registry;

/// <summary>A regional office (key: its slug, e.g. <c>lulea</c>): profile and staff; later the single writer of its calendar.</summary>
[Alias("planering.IRegionalOfficeGrain")]
public interface IRegionalOfficeGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the office's profile; a new office starts without advisors.</summary>
    [Alias("Upsert")]
    Task<OfficeRecord> UpsertAsync(OfficeUpsert upsert);

    /// <summary>The stored office; NotFound if it was never created.</summary>
    [Alias("Get")]
    Task<OfficeRecord> GetAsync();

    /// <summary>Replaces the office's advisors; NotFound if the office does not exist.</summary>
    [Alias("SetStaffing")]
    Task<OfficeRecord> SetStaffingAsync(IReadOnlyList<AdvisorRecord> advisors);
}
