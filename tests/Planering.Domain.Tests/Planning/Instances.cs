using System.Globalization;
using Planering.Domain.Geography;
using Planering.Domain.Planning;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Planning;

/// <summary>Test instances: seeded random ones of any size, and the seeded national world.</summary>
internal static class Instances
{
    /// <summary>Advisor hours per advisor and year (1,600 h) times the share spent on dialogues (0.5).</summary>
    public const double HoursPerAdvisor = 1_600 * 0.5;

    /// <summary>Advisors per office in the national tests.</summary>
    public const int AdvisorsPerOffice = 6;

    public static readonly GeoPosition Umea = new(63.8258, 20.2630);

    /// <summary>
    /// A random instance in a 450 × 300 km box of central Sweden: demands 10–60 h, 1–3 trips a year, capacities summing
    /// to Σd / <paramref name="utilisation"/> split unevenly (±40 %), optionally a random previous assignment.
    /// </summary>
    public static AssignmentProblem Random(
        int seed, int huvudman, int offices, double utilisation, bool withPrevious = false, AssignmentParameters? parameters = null)
    {
        var random = new Random(seed);
        var demands = Enumerable.Range(0, huvudman)
            .Select(i => new HuvudmanDemand(
                string.Create(CultureInfo.InvariantCulture, $"h{i:D5}"),
                new GeoPosition(58 + (random.NextDouble() * 4), 13 + (random.NextDouble() * 5)),
                Math.Round(10 + (random.NextDouble() * 50), 1),
                1 + random.Next(3)))
            .ToList();
        var shares = Enumerable.Range(0, offices).Select(_ => 0.6 + (random.NextDouble() * 0.8)).ToArray();
        var capacity = demands.Sum(d => d.DemandHours) / utilisation;
        var officeList = Enumerable.Range(0, offices)
            .Select(j => new OfficeCapacity(
                string.Create(CultureInfo.InvariantCulture, $"o{j:D2}"),
                new GeoPosition(58 + (random.NextDouble() * 4), 13 + (random.NextDouble() * 5)),
                capacity * shares[j] / shares.Sum()))
            .ToList();
        var previous = withPrevious
            ? demands.ToDictionary(d => d.HuvudmanId, _ => officeList[random.Next(offices)].OfficeId, StringComparer.Ordinal)
            : null;
        return AssignmentProblem.Create(demands, officeList, parameters, previous);
    }

    /// <summary>
    /// The seeded national world: every huvudman of <see cref="WorldSeed.Huvudman"/> with demand 20 + pupils/100 hours
    /// and one on-site trip a year; the shipped offices (plus <paramref name="extraOffices"/>) with 6 advisors each,
    /// 6 × 1,600 × 0.5 = 4,800 hours. Σd ≈ 40,200 h against 28,800 h: the national world is overloaded (U ≈ 1.4).
    /// </summary>
    public static AssignmentProblem National(
        IEnumerable<(string OfficeId, GeoPosition Position)>? extraOffices = null, IReadOnlyDictionary<string, string>? previous = null)
    {
        var geography = SwedishGeography.Sweden;
        var demands = WorldSeed.Huvudman(geography)
            .Select(h => new HuvudmanDemand(h.OrganisationNumber.Value, h.Position, NationalDemandHours(h.Pupils), 1))
            .ToList();
        var offices = geography.Offices
            .Select(o => (o.OfficeId, o.Position))
            .Concat(extraOffices ?? [])
            .Select(o => new OfficeCapacity(o.OfficeId, o.Position, AdvisorsPerOffice * HoursPerAdvisor))
            .ToList();
        return AssignmentProblem.Create(demands, offices, AssignmentParameters.Default, previous);
    }

    public static double NationalDemandHours(int pupils) => 20 + (pupils / 100.0);
}
