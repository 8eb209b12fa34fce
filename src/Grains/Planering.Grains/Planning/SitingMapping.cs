using Planering.Domain.Siting;
using Planering.Domain.World;

namespace Planering.Grains.Planning;

/// <summary>Conversions between the domain's siting rules and verdicts and the records that cross grain calls.</summary>
public static class SitingMapping
{
    public static SitingRulesRecord ToRecord(SitingRules rules) =>
        new(rules.RequireLarosate, rules.MaxLarosateKm, rules.MinOfficeDistanceKm, rules.PreferSpsm,
            rules.SpsmKommunkoder.Order(StringComparer.Ordinal).ToList(), rules.Excluded.Order(StringComparer.Ordinal).ToList(),
            rules.Insisted.Order(StringComparer.Ordinal).ToList());

    public static SitingRules ToDomain(this SitingRulesRecord r) =>
        new(r.RequireLarosate, r.MaxLarosateKm, r.MinOfficeDistanceKm, r.PreferSpsm,
            r.SpsmKommunkoder.ToHashSet(StringComparer.Ordinal), r.Excluded.ToHashSet(StringComparer.Ordinal), r.Insisted.ToHashSet(StringComparer.Ordinal));

    public static SiteJudgementRecord ToRecord(this SiteJudgement j, SitingRules rules) =>
        new(j.Eligible, j.SpsmSite, rules.PreferSpsm && j.SpsmSite && j.Eligible, j.NearestLarosate?.Name ?? string.Empty, j.NearestLarosate?.Kommunkod ?? string.Empty,
            double.IsFinite(j.NearestLarosateKm) ? j.NearestLarosateKm : -1, j.NearestOfficeId ?? string.Empty,
            double.IsFinite(j.NearestOfficeKm) ? j.NearestOfficeKm : -1,
            j.Verdicts.Select(v => new RuleVerdictRecord(RuleName(v.Rule), v.Passed, v.Reason, v.ReasonSv)).ToList());

    /// <summary>The rule names of the API (planning.proto's SiteRuleVerdict.rule).</summary>
    public static string RuleName(SitingRule rule) => rule switch
    {
        SitingRule.Larosate => "LAROSATE",
        SitingRule.Spread => "SPREAD",
        SitingRule.Spsm => "SPSM",
        SitingRule.Excluded => "EXCLUDED",
        SitingRule.Insisted => "INSISTED",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>Validates request values into rules (unset ones default); see <see cref="SitingRules.Create"/>.</summary>
    public static SitingRulesRecord Rules(bool? requireLarosate, double? maxLarosateKm, double? minOfficeDistanceKm, bool? preferSpsm,
        IReadOnlyCollection<string> spsm, IReadOnlyCollection<string> excluded, IReadOnlyCollection<string> insisted) =>
        ToRecord(SitingRules.Create(requireLarosate, maxLarosateKm, minOfficeDistanceKm, preferSpsm, spsm, excluded, insisted, SwedishGeography.Sweden));
}
