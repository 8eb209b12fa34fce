using System.Globalization;
using Planering.Domain.Registry;

namespace Planering.Domain.World;

/// <summary>
/// The Swedish world a fresh installation starts with: the regional offices with a default staffing, the 290
/// kommuner as municipal huvudmän, and independent huvudmän generated per kommun (marked synthetic).
/// Everything here is a pure function of the shipped data, so every start computes the same world.
/// </summary>
/// <remarks>
/// Assumptions, stated once:
/// <list type="bullet">
/// <item>Default staffing: no public figure exists per office. Each office gets advisors roughly in proportion to the
/// population it is nearest to (see <see cref="DefaultAdvisorCount"/>); every fourth advisor works 80 %, all work Mon–Fri.</item>
/// <item>Municipal organisation numbers are not in the shipped data. A kommun is keyed as <c>21200</c> + kommunkod +
/// Luhn digit, in the 2120… range real kommuner use, and marked as generated (never shown as the real number);
/// importing the real register replaces them. Their names are the official ones (<see cref="KommunNames"/>).</item>
/// <item>Pupils of a municipal huvudman: 12 % of the kommun's population (compulsory and upper secondary school).</item>
/// <item>Independent huvudmän: one per <see cref="ResidentsPerIndependent"/> residents of a kommun (rounded), named from
/// templates, sized 40–900 pupils, placed within 4 km of the seat; numbered 559xxxxxx + Luhn digit. 12,000 residents
/// give about 880, so about 1,170 with the kommuner: the school huvudmän (about 1,100). The preschool huvudmän the
/// dialogues also reach (many more; about 2,950 in scope in all is the estimate in docs/calibration.md) are not seeded:
/// the live plan's rebalance of a world that size did not finish within Orleans' 30 s call timeout at start-up on the
/// shared 2-core machine. Importing the real register brings them in.</item>
/// </list>
/// </remarks>
public static class WorldSeed
{
    /// <summary>Bumped when the generated world changes, so an existing database can tell it was seeded from an older one.</summary>
    public const int Version = 1;

    public const int ResidentsPerIndependent = 12_000;
    public const double MunicipalPupilShare = 0.12;

    private static readonly string[] IndependentNameTemplates =
    [
        "{0} Friskola AB",
        "Montessoriskolan i {0}",
        "{0} Waldorfskola ek. för.",
        "Stiftelsen {0} Kristna Skola",
        "Internationella skolan {0} AB",
        "{0} Gymnasium AB",
        "Naturskolan {0} AB",
        "Förskolan Solrosen i {0} AB",
        "{0} Musikskola AB",
        "Föreningen Byskolan {0}",
    ];

    /// <summary>Default advisors per office (an assumption; see the class remarks).</summary>
    public static int DefaultAdvisorCount(string officeId) => officeId switch
    {
        "solna" => 8,
        "goteborg" => 7,
        "malmo" => 7,
        "orebro" => 6,
        "harnosand" => 5,
        "lulea" => 4,
        _ => 6,
    };

    public static IReadOnlyList<(OfficeProfile Profile, IReadOnlyList<Advisor> Advisors)> Offices(SwedishGeography geography) =>
        geography.Offices
            .Select(site => (
                OfficeProfile.Create(site.OfficeId, site.City, site.Kommunkod, site.Position, site.Opened, geography),
                DefaultAdvisors(site.OfficeId, DefaultAdvisorCount(site.OfficeId))))
            .ToList();

    public static IReadOnlyList<Advisor> DefaultAdvisors(string officeId, int count) =>
        Enumerable.Range(1, count)
            .Select(n => new Advisor($"{officeId}-{n}", $"Rådgivare {n}", n % 4 == 0 ? 0.8 : 1.0, Staffing.Weekdays, []))
            .ToList();

    /// <summary>Every seeded huvudman: the 290 kommuner first, then the generated independent ones, in kommunkod order.</summary>
    /// <param name="residentsPerIndependent">One independent huvudman per this many residents of a kommun; the seed uses
    /// <see cref="ResidentsPerIndependent"/>, the calibration also 4,000 (about 2,950 in scope, docs/calibration.md).</param>
    public static IReadOnlyList<HuvudmanProfile> Huvudman(SwedishGeography geography, int residentsPerIndependent = ResidentsPerIndependent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(residentsPerIndependent, 100);
        var result = new List<HuvudmanProfile>(geography.Kommuner.Count * 5);
        foreach (var kommun in geography.Kommuner)
        {
            result.Add(new HuvudmanProfile(
                OrganisationNumber.FromNineDigits("21200" + kommun.Kommunkod),
                kommun.OfficialName,
                HuvudmanType.Municipal,
                kommun.Kommunkod,
                kommun.Lanskod,
                kommun.Position,
                (int)Math.Round(kommun.Population * MunicipalPupilShare),
                Synthetic: false,
                OrganisationNumberSynthetic: true));
        }

        var sequence = 0;
        foreach (var kommun in geography.Kommuner)
        {
            var count = (int)Math.Round(kommun.Population / (double)residentsPerIndependent, MidpointRounding.AwayFromZero);
            // Names rotate through the templates from a per-kommun start, so one kommun never repeats a name.
            var firstTemplate = (int)(new SplitMix64(ulong.Parse(kommun.Kommunkod, CultureInfo.InvariantCulture)).Next() % (ulong)IndependentNameTemplates.Length);
            for (var i = 0; i < count; i++)
            {
                var random = new SplitMix64(ulong.Parse(kommun.Kommunkod, CultureInfo.InvariantCulture) * 1000 + (ulong)i + 1);
                var template = IndependentNameTemplates[(firstTemplate + i) % IndependentNameTemplates.Length];
                var name = string.Format(CultureInfo.InvariantCulture, template, kommun.Centralort);
                if (i >= IndependentNameTemplates.Length)
                {
                    name = $"{name} {(i / IndependentNameTemplates.Length) + 1}";
                }

                var pupils = 40 + (int)(random.Next() % 861);
                var position = kommun.Position.Offset(random.NextUnit() * 8 - 4, random.NextUnit() * 8 - 4);
                result.Add(new HuvudmanProfile(
                    OrganisationNumber.FromNineDigits($"559{100000 + sequence++:D6}"),
                    name,
                    HuvudmanType.Independent,
                    kommun.Kommunkod,
                    kommun.Lanskod,
                    position,
                    pupils,
                    Synthetic: true,
                    OrganisationNumberSynthetic: true));
            }
        }

        return result;
    }

    /// <summary>A small, stable pseudo-random generator, so the seed never depends on a runtime's Random algorithm.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextUnit() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
