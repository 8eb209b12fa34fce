using System.Globalization;
using Planering.Domain.Geography;
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
/// <item>Independent school huvudmän: one per <see cref="ResidentsPerIndependent"/> residents of a kommun (rounded), named
/// from templates, sized 40–900 pupils, placed within 4 km of the seat; numbered 559xxxxxx + Luhn digit. 12,000 residents
/// give about 880, so about 1,170 with the kommuner: the school huvudmän (about 1,100).</item>
/// <item>Independent preschool huvudmän (the dialogues reach förskola too): one per <see cref="ResidentsPerPreschool"/>
/// residents of a kommun (rounded), named from preschool templates, sized 15–150 children (most are small organisers of
/// one or a few preschools), placed within 4 km of the seat, numbered after the school ones. 6,000 residents give about
/// 1,770, so about 2,940 huvudmän in all: the estimate of the huvudmän in scope (docs/calibration.md, "Huvudmän in
/// scope": one independent per 4,000 residents = one school huvudman per 12,000 and one preschool huvudman per
/// 6,000).</item>
/// </list>
/// </remarks>
public static class WorldSeed
{
    /// <summary>Bumped when the generated world changes, so an existing database can tell it was seeded from an older one.</summary>
    public const int Version = 2;

    /// <summary>One independent school huvudman per this many residents of a kommun (about 880 in all).</summary>
    public const int ResidentsPerIndependent = 12_000;

    /// <summary>One independent preschool huvudman per this many residents of a kommun (about 1,770 in all).</summary>
    public const int ResidentsPerPreschool = 6_000;
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

    private static readonly string[] PreschoolNameTemplates =
    [
        "Förskolan Vitsippan i {0} AB",
        "Föräldrakooperativet Ekorren i {0} ek. för.",
        "Montessoriförskolan {0} AB",
        "Naturförskolan {0} AB",
        "{0} Förskolor AB",
        "Förskolan Lärkan i {0}",
        "Waldorfförskolan {0} ek. för.",
        "Förskolan Skogsgläntan i {0} AB",
        "Ur och skur-förskolan {0}",
        "Stiftelsen {0} Kristna Förskola",
        "Förskolan Regnbågen i {0} AB",
        "Språkförskolan {0} AB",
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

    /// <summary>
    /// Every seeded huvudman: the 290 kommuner first, then the generated independent school huvudmän, then the generated
    /// independent preschool huvudmän, each group in kommunkod order.
    /// </summary>
    public static IReadOnlyList<HuvudmanProfile> Huvudman(SwedishGeography geography)
    {
        ArgumentNullException.ThrowIfNull(geography);
        var result = new List<HuvudmanProfile>(geography.Kommuner.Count * 11);
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
        Independent(ResidentsPerIndependent, IndependentNameTemplates, minPupils: 40, maxPupils: 900, seedOffset: 0);
        Independent(ResidentsPerPreschool, PreschoolNameTemplates, minPupils: 15, maxPupils: 150, seedOffset: 500);
        return result;

        void Independent(int residentsPer, string[] templates, int minPupils, int maxPupils, ulong seedOffset)
        {
            foreach (var kommun in geography.Kommuner)
            {
                var code = ulong.Parse(kommun.Kommunkod, CultureInfo.InvariantCulture);
                var count = (int)Math.Round(kommun.Population / (double)residentsPer, MidpointRounding.AwayFromZero);
                // Names rotate through the templates from a per-kommun start, so one kommun never repeats a name.
                var firstTemplate = (int)(new SplitMix64(code + seedOffset).Next() % (ulong)templates.Length);
                for (var i = 0; i < count; i++)
                {
                    var random = new SplitMix64((code * 1000) + seedOffset + (ulong)i + 1);
                    var template = templates[(firstTemplate + i) % templates.Length];
                    var name = string.Format(CultureInfo.InvariantCulture, template, kommun.Centralort);
                    if (i >= templates.Length)
                    {
                        name = $"{name} {(i / templates.Length) + 1}";
                    }

                    var pupils = minPupils + (int)(random.Next() % (ulong)(maxPupils - minPupils + 1));
                    var position = Near(kommun.Position, ref random);
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
        }
    }

    /// <summary>Within 4 km of the seat and in Sweden (a seat on the border, such as Haparanda's, draws again; the seat itself after eight tries).</summary>
    private static GeoPosition Near(GeoPosition seat, ref SplitMix64 random)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var position = seat.Offset((random.NextUnit() * 8) - 4, (random.NextUnit() * 8) - 4);
            if (position.IsInSweden)
            {
                return position;
            }
        }

        return seat;
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
