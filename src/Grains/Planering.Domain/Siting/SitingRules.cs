using Planering.Domain.Errors;
using Planering.Domain.World;

namespace Planering.Domain.Siting;

/// <summary>
/// The agencies' siting rules for a new regional office, as a planner sets them for one ranking. Every default is a
/// named assumption (docs/siting.md gives the reasoning): a lärosäte within <see cref="DefaultMaxLarosateKm"/>, no
/// existing office within <see cref="DefaultMinOfficeDistanceKm"/>, SPSM's sites preferred, nothing excluded or insisted on.
/// </summary>
/// <param name="RequireLarosate">"Varje plats ska ha en närhet till ett lärosäte": a site needs a campus this near.</param>
/// <param name="MaxLarosateKm">How near, seat to campus kommun seat, as the crow flies.</param>
/// <param name="MinOfficeDistanceKm">Geographic spread: no office (existing, or opened earlier in the same wave) nearer.</param>
/// <param name="PreferSpsm">Sites where SPSM has premises rank ahead of the others (co-location where possible).</param>
/// <param name="SpsmKommunkoder">The kommuner where SPSM has premises, as the installation lists them.</param>
/// <param name="Excluded">Kommuner the planner rules out.</param>
/// <param name="Insisted">Kommuner the planner insists on: always eligible, whatever the other rules say, and opened first in a wave.</param>
public sealed record SitingRules(
    bool RequireLarosate,
    double MaxLarosateKm,
    double MinOfficeDistanceKm,
    bool PreferSpsm,
    IReadOnlySet<string> SpsmKommunkoder,
    IReadOnlySet<string> Excluded,
    IReadOnlySet<string> Insisted)
{
    /// <summary>25 km: the same local labour market as the campus (about half an hour by car); see docs/siting.md.</summary>
    public const double DefaultMaxLarosateKm = 25;

    /// <summary>80 km: the 2022 plan's closest pair (Linköping–Örebro) is 99 km apart; see docs/siting.md.</summary>
    public const double DefaultMinOfficeDistanceKm = 80;

    public const double MaxDistanceKm = 2_000;
    public const int MaxListed = 290;

    /// <summary>
    /// SPSM's sites known to the shipped data: the kommuner of the offices that share premises with SPSM (all but
    /// Solna). An installation that knows more of SPSM's sites lists them in the request.
    /// </summary>
    public static IReadOnlySet<string> KnownSpsmSites(SwedishGeography geography) =>
        geography.Offices.Where(o => o.SpsmColocated).Select(o => o.Kommunkod).ToHashSet(StringComparer.Ordinal);

    public static SitingRules Default(SwedishGeography geography) =>
        new(true, DefaultMaxLarosateKm, DefaultMinOfficeDistanceKm, true, KnownSpsmSites(geography), EmptySet, EmptySet);

    /// <summary>
    /// Builds the rules from a request's values, unset ones taking their defaults; every violation is reported at once,
    /// named <paramref name="prefix"/> + field.
    /// </summary>
    public static SitingRules Create(
        bool? requireLarosate,
        double? maxLarosateKm,
        double? minOfficeDistanceKm,
        bool? preferSpsm,
        IReadOnlyCollection<string>? spsmKommunkoder,
        IReadOnlyCollection<string>? excluded,
        IReadOnlyCollection<string>? insisted,
        SwedishGeography geography,
        string prefix = "rules.")
    {
        var violations = new Violations();
        if (maxLarosateKm is { } max)
        {
            violations.Require(double.IsFinite(max) && max is >= 0 and <= MaxDistanceKm, prefix + "max_larosate_km", $"must be between 0 and {MaxDistanceKm} km");
        }

        if (minOfficeDistanceKm is { } min)
        {
            violations.Require(double.IsFinite(min) && min is >= 0 and <= MaxDistanceKm, prefix + "min_office_distance_km", $"must be between 0 and {MaxDistanceKm} km");
        }

        var spsm = Kommuner(violations, prefix + "spsm_kommunkoder", spsmKommunkoder, geography);
        var outOf = Kommuner(violations, prefix + "excluded_kommunkoder", excluded, geography);
        var insist = Kommuner(violations, prefix + "insisted_kommunkoder", insisted, geography);
        var both = outOf.Intersect(insist, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        violations.Require(both.Count == 0, prefix + "insisted_kommunkoder", $"a kommun cannot be both excluded and insisted on: {string.Join(", ", both)}");
        violations.ThrowIfAny();

        return new SitingRules(
            requireLarosate ?? true,
            maxLarosateKm ?? DefaultMaxLarosateKm,
            minOfficeDistanceKm ?? DefaultMinOfficeDistanceKm,
            preferSpsm ?? true,
            spsmKommunkoder is { Count: > 0 } ? spsm : KnownSpsmSites(geography),
            outOf,
            insist);
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>(StringComparer.Ordinal);

    private static HashSet<string> Kommuner(Violations violations, string field, IReadOnlyCollection<string>? codes, SwedishGeography geography)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (codes is null)
        {
            return set;
        }

        violations.Require(codes.Count <= MaxListed, field, $"at most {MaxListed} kommuner");
        foreach (var (code, i) in codes.Take(MaxListed).Select((c, i) => (c, i)))
        {
            if (!geography.TryGetKommun(code, out _))
            {
                violations.Add($"{field}[{i}]", "must be one of the 290 four-digit kommun codes (SCB)");
            }
            else
            {
                set.Add(code);
            }
        }

        return set;
    }
}
