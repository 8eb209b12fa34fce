using System.Globalization;
using Planering.Domain.Geography;
using Planering.Domain.World;

namespace Planering.Domain.Siting;

/// <summary>The siting rules, each as a verdict can name it.</summary>
public enum SitingRule
{
    /// <summary>A lärosäte near the site.</summary>
    Larosate,

    /// <summary>No office nearer than the minimum distance.</summary>
    Spread,

    /// <summary>SPSM has premises in the kommun (a preference, never a reason to leave a site out).</summary>
    Spsm,

    /// <summary>The planner excluded the kommun.</summary>
    Excluded,

    /// <summary>The planner insisted on the kommun.</summary>
    Insisted,
}

/// <summary>One rule's verdict on a site, with the reason in English and Swedish.</summary>
public sealed record RuleVerdict(SitingRule Rule, bool Passed, string Reason, string ReasonSv);

/// <summary>How a kommun stands against the siting rules, and the facts the verdicts rest on.</summary>
/// <param name="Eligible">True when the ranking may place it: insisted on, or every binding rule passed.</param>
/// <param name="NearestLarosateKm">Seat to the nearest campus kommun's seat; infinity when no lärosäte is known.</param>
/// <param name="NearestOfficeKm">Seat to the nearest office; infinity when there is none.</param>
public sealed record SiteJudgement(
    string Kommunkod,
    bool Eligible,
    bool SpsmSite,
    Larosate? NearestLarosate,
    double NearestLarosateKm,
    string? NearestOfficeId,
    double NearestOfficeKm,
    IReadOnlyList<RuleVerdict> Verdicts);

/// <summary>Applies <see cref="SitingRules"/> to a candidate kommun, given where the offices are.</summary>
public static class SiteJudge
{
    public static SiteJudgement Judge(
        Kommun kommun, IReadOnlyList<(string OfficeId, GeoPosition Position)> offices, SitingRules rules, SwedishGeography geography)
    {
        var (larosate, larosateKm) = geography.Larosaten
            .Select(l => (Larosate: (Larosate?)l, Km: kommun.Position.DistanceKmTo(geography.Kommun(l.Kommunkod).Position)))
            .OrderBy(x => x.Km).ThenBy(x => x.Larosate!.Campus != "main").ThenBy(x => x.Larosate!.Name, StringComparer.Ordinal)
            .FirstOrDefault((null, double.PositiveInfinity));
        var (officeId, officeKm) = offices
            .Select(o => (OfficeId: (string?)o.OfficeId, Km: kommun.Position.DistanceKmTo(o.Position)))
            .OrderBy(x => x.Km).ThenBy(x => x.OfficeId, StringComparer.Ordinal)
            .FirstOrDefault((null, double.PositiveInfinity));

        var verdicts = new List<RuleVerdict>(5);
        var where = larosate is null ? "none known" : $"{larosate.Name} ({geography.Kommun(larosate.Kommunkod).Name}), {Km(larosateKm)} km";
        var whereSv = larosate is null ? "inget känt" : $"{larosate.Name} ({geography.Kommun(larosate.Kommunkod).Name}), {Km(larosateKm)} km";
        var nearUniversity = larosateKm <= rules.MaxLarosateKm;
        verdicts.Add(!rules.RequireLarosate
            ? new RuleVerdict(SitingRule.Larosate, true, $"not required; nearest lärosäte {where}", $"krävs inte; närmaste lärosäte {whereSv}")
            : new RuleVerdict(SitingRule.Larosate, nearUniversity,
                nearUniversity ? $"lärosäte within {Km(rules.MaxLarosateKm)} km: {where}" : $"no lärosäte within {Km(rules.MaxLarosateKm)} km; nearest {where}",
                nearUniversity ? $"lärosäte inom {Km(rules.MaxLarosateKm)} km: {whereSv}" : $"inget lärosäte inom {Km(rules.MaxLarosateKm)} km; närmast {whereSv}"));

        var spread = officeKm >= rules.MinOfficeDistanceKm;
        var office = officeId is null ? "no office" : $"{officeId} {Km(officeKm)} km";
        verdicts.Add(new RuleVerdict(SitingRule.Spread, spread,
            spread ? $"nearest office {office}, at least {Km(rules.MinOfficeDistanceKm)} km" : $"office {office}, nearer than {Km(rules.MinOfficeDistanceKm)} km",
            spread ? $"närmaste kontor {office}, minst {Km(rules.MinOfficeDistanceKm)} km" : $"kontoret {office}, närmare än {Km(rules.MinOfficeDistanceKm)} km"));

        var spsmSite = rules.SpsmKommunkoder.Contains(kommun.Kommunkod);
        verdicts.Add(new RuleVerdict(SitingRule.Spsm, spsmSite || !rules.PreferSpsm,
            !rules.PreferSpsm ? "SPSM co-location not preferred" : spsmSite ? "SPSM has premises here (preferred)" : "SPSM has no premises listed here",
            !rules.PreferSpsm ? "samlokalisering med SPSM inte önskad" : spsmSite ? "SPSM finns på orten (föredras)" : "SPSM finns inte på orten enligt listan"));

        var excluded = rules.Excluded.Contains(kommun.Kommunkod);
        if (excluded)
        {
            verdicts.Add(new RuleVerdict(SitingRule.Excluded, false, "excluded by the planner", "utesluten av planeraren"));
        }

        var insisted = rules.Insisted.Contains(kommun.Kommunkod);
        if (insisted)
        {
            verdicts.Add(new RuleVerdict(SitingRule.Insisted, true, "insisted on by the planner (other rules do not apply)", "planeraren kräver orten (övriga regler gäller inte)"));
        }

        var eligible = insisted || (!excluded && (nearUniversity || !rules.RequireLarosate) && spread);
        return new SiteJudgement(kommun.Kommunkod, eligible, spsmSite, larosate, larosateKm, officeId, officeKm, verdicts);
    }

    private static string Km(double km) => km.ToString("F0", CultureInfo.InvariantCulture);
}
