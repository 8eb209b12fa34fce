namespace Planering.Grains.Registry;

/// <summary>The list of regional offices (key: <c>sweden</c>). Offices are few, so one grain holds them all.</summary>
[Alias("planering.IOfficeDirectoryGrain")]
public interface IOfficeDirectoryGrain : IGrainWithStringKey
{
    [Alias("Publish")]
    Task PublishAsync(OfficeRecord office);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<OfficeRecord>> ListAsync();
}
