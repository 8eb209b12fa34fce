using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.Parameters;
using Planering.Domain.World;

namespace Planering.Bench.Planning;

/// <summary>The planning instances the issue names: the seeded national world (6 or 10 offices) and a synthetic 20,000 × 50.</summary>
public static class PlanningScenarios
{
    public const int Year = 2027;

    public static PlanningWorld World { get; } =
        new(PlanningParameters.Default, SchoolHolidayCalendar.Create(SwedishGeography.Sweden));

    public static IReadOnlyList<PlanningHuvudman> SeededHuvudman { get; } = WorldSeed.Huvudman(SwedishGeography.Sweden)
        .Select(h => new PlanningHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Lanskod, h.Position, h.Pupils)).ToList();

    /// <summary>The six offices with their default staffing.</summary>
    public static IReadOnlyList<PlanningOffice> SeededOffices { get; } = SwedishGeography.Sweden.Offices
        .Select(o => new PlanningOffice(o.OfficeId, o.Kommunkod, o.Position, WorldSeed.DefaultAdvisors(o.OfficeId, WorldSeed.DefaultAdvisorCount(o.OfficeId))))
        .ToList();

    /// <summary>The six plus four more (Umeå, Östersund, Växjö, Karlstad) with six advisors each.</summary>
    public static IReadOnlyList<PlanningOffice> TenOffices { get; } = [.. SeededOffices, .. new[] { "2480", "2380", "0780", "1780" }.Select(Office)];

    public static AssignmentProblem National(IReadOnlyList<PlanningOffice> offices) => World.Problem(SeededHuvudman, offices, Year, null);

    /// <summary>
    /// The national instance with every office's capacity scaled (in proportion) until the national utilisation is
    /// <paramref name="utilisation"/>: today's defaults leave the offices far from full, so balancing is never tested;
    /// here capacity binds and the solver must trade travel against it.
    /// </summary>
    public static AssignmentProblem NationalWhereCapacityBinds(IReadOnlyList<PlanningOffice> offices, double utilisation = 0.95)
    {
        var problem = National(offices);
        var factor = problem.NationalUtilisation / utilisation;
        return AssignmentProblem.Create(problem.Huvudman, problem.Offices.Select(o => o with { CapacityHours = o.CapacityHours * factor }), problem.Parameters);
    }

    /// <summary>
    /// 20,000 huvudmän spread over the kommuner in proportion to population (jittered around the seats) and 50 offices at
    /// the 50 most populous kommuner; capacity scaled so the national utilisation is 0.9. Deterministic.
    /// </summary>
    public static AssignmentProblem Synthetic(int huvudman = 20_000, int offices = 50)
    {
        var random = new Random(20_000);
        var kommuner = SwedishGeography.Sweden.Kommuner;
        var total = kommuner.Sum(k => (double)k.Population);
        var demands = new List<HuvudmanDemand>(huvudman);
        foreach (var kommun in kommuner)
        {
            var count = (int)Math.Round(huvudman * kommun.Population / total);
            for (var i = 0; i < count && demands.Count < huvudman; i++)
            {
                var position = kommun.Position.Offset((random.NextDouble() * 20) - 10, (random.NextDouble() * 20) - 10);
                demands.Add(new HuvudmanDemand($"h{demands.Count:D5}", Clamp(position), 2 + (random.NextDouble() * 10), World.TravelWeight));
            }
        }

        var sites = kommuner.OrderByDescending(k => k.Population).Take(offices).ToList();
        var capacity = demands.Sum(d => d.DemandHours) / 0.9 / offices;
        return AssignmentProblem.Create(demands, sites.Select(k => new OfficeCapacity($"o{k.Kommunkod}", k.Position, capacity)));
    }

    private static PlanningOffice Office(string kommunkod)
    {
        var kommun = SwedishGeography.Sweden.Kommun(kommunkod);
        var id = RegistryRules.SlugFrom(kommun.Name);
        return new PlanningOffice(id, kommunkod, kommun.Position, WorldSeed.DefaultAdvisors(id, 6));
    }

    private static GeoPosition Clamp(GeoPosition p) => new(
        Math.Clamp(p.Latitude, GeoPosition.MinLatitude, GeoPosition.MaxLatitude), Math.Clamp(p.Longitude, GeoPosition.MinLongitude, GeoPosition.MaxLongitude));
}
