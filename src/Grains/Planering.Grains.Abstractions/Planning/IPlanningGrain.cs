using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

/// <summary>The live assignment huvudman → office for the whole country (key: <c>sweden</c>).</summary>
[Alias("planering.IPlanningGrain")]
public interface IPlanningGrain : IGrainWithStringKey
{
    /// <summary>Assigns a huvudman that has no office yet (to the nearest office) and returns its office id.</summary>
    [Alias("Place")]
    Task<string?> PlaceAsync(HuvudmanRecord huvudman);

    /// <summary>The office a huvudman is assigned to, or null when there is no office yet.</summary>
    [Alias("GetOfficeOf"), ReadOnly]
    Task<string?> GetOfficeOfAsync(string organisationNumber);

    /// <summary>Tells the plan that the set of offices or their positions changed.</summary>
    [Alias("OfficesChanged")]
    Task OfficesChangedAsync();
}
