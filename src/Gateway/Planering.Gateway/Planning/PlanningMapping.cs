using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Grains.Registry;
using Planering.Grains.Planning;

namespace Planering.Gateway.Planning;

/// <summary>Conversions between the planning protobuf messages and the grain records.</summary>
internal static class PlanningMapping
{
    public static Plan ToMessage(this PlanRecord p)
    {
        var plan = new Plan
        {
            DemandHours = p.DemandHours,
            CapacityHours = p.CapacityHours,
            NationalUtilisation = p.NationalUtilisation,
            TravelKmPerYear = p.TravelKmPerYear,
            TravelHoursPerYear = p.TravelHoursPerYear,
            MonthsToCover = p.MonthsToCover,
            Feasible = p.Feasible,
            OverloadHours = p.OverloadHours,
            Moved = p.Moved,
            ComputedAt = Timestamp.FromDateTimeOffset(p.ComputedAt),
            DialoguesPerYear = p.DialoguesPerYear,
            DialogueCapacityPerYear = p.DialogueCapacityPerYear,
            HoursUtilisation = p.HoursUtilisation,
            DialogueUtilisation = p.DialogueUtilisation,
            Binding = p.Binding.ToMessage(),
            Status = p.Status.ToMessage(),
            ParametersVersion = p.ParametersVersion,
            NightsAwayPerYear = p.NightsAwayPerYear,
        };
        plan.Offices.AddRange(p.Offices.Select(o => new OfficePlan
        {
            OfficeId = o.OfficeId,
            HuvudmanCount = o.HuvudmanCount,
            DemandHours = o.DemandHours,
            CapacityHours = o.CapacityHours,
            Utilisation = o.Utilisation,
            TravelKmPerYear = o.TravelKmPerYear,
            TravelHoursPerYear = o.TravelHoursPerYear,
            MonthsToCover = o.MonthsToCover,
            DialoguesPerYear = o.DialoguesPerYear,
            DialogueCapacityPerYear = o.DialogueCapacityPerYear,
            HoursUtilisation = o.HoursUtilisation,
            DialogueUtilisation = o.DialogueUtilisation,
            Binding = o.Binding.ToMessage(),
            Status = o.Status.ToMessage(),
            NightsAwayPerYear = o.NightsAwayPerYear,
            NoCapacityReason = o.NoCapacityReason ?? string.Empty,
        }));
        return plan;
    }

    public static ScenarioResult ToMessage(this ScenarioResultRecord r)
    {
        var result = new ScenarioResult
        {
            ScenarioId = r.ScenarioId.ToString(),
            Before = r.Before.ToMessage(),
            After = r.After.ToMessage(),
            TravelKmSavedPerYear = r.TravelKmSavedPerYear,
            TravelHoursSavedPerYear = r.TravelHoursSavedPerYear,
            ExpiresAt = Timestamp.FromDateTimeOffset(r.ExpiresAt),
            OfficeId = r.OfficeId,
            NightsAwaySavedPerYear = r.NightsAwaySavedPerYear,
        };
        result.Reassigned.AddRange(r.Reassigned.Select(x => new Reassignment
        {
            HuvudmanId = x.HuvudmanId, Name = x.Name, Kommunkod = x.Kommunkod, FromOfficeId = x.FromOfficeId, ToOfficeId = x.ToOfficeId,
            RoadKmBefore = x.RoadKmBefore, RoadKmAfter = x.RoadKmAfter, OrganisationNumberSynthetic = x.OrganisationNumberSynthetic,
        }));
        result.LanEffects.AddRange(r.LanEffects.Select(e => new LanEffect
        {
            Lanskod = e.Lanskod, Lan = e.Lan, HuvudmanReassigned = e.HuvudmanReassigned,
            TravelKmPerYearBefore = e.TravelKmPerYearBefore, TravelKmPerYearAfter = e.TravelKmPerYearAfter,
        }));
        return result;
    }

    public static SiteCandidate ToMessage(this SiteEvaluationRecord s, PlaceNames names)
    {
        var kommun = names.Kommun(s.Kommunkod);
        var candidate = new SiteCandidate
        {
            Kommunkod = s.Kommunkod,
            Kommun = kommun.Name,
            Lanskod = kommun.Lanskod,
            TravelKmSavedPerYear = s.TravelKmSavedPerYear,
            TravelHoursSavedPerYear = s.TravelHoursSavedPerYear,
            MonthsToCoverAfter = s.MonthsToCoverAfter,
            HuvudmanReassigned = s.HuvudmanReassigned,
            NightsAwaySavedPerYear = s.NightsAwaySavedPerYear,
            DialogueCapacityPerYear = s.DialogueCapacityPerYear,
            UtilisationAfter = s.UtilisationAfter,
            BindingAfter = s.BindingAfter.ToMessage(),
            Eligible = s.Judgement?.Eligible ?? true,
        };
        if (s.Judgement is { } j)
        {
            candidate.NearestLarosate = j.NearestLarosate;
            candidate.NearestLarosateKommunkod = j.NearestLarosateKommunkod;
            candidate.NearestLarosateKm = j.NearestLarosateKm;
            candidate.NearestOfficeId = j.NearestOfficeId;
            candidate.NearestOfficeKm = j.NearestOfficeKm;
            candidate.SpsmSite = j.SpsmSite;
            candidate.Verdicts.AddRange(j.Verdicts.Select(v => new SiteRuleVerdict { Rule = v.Rule, Passed = v.Passed, Reason = v.Reason, ReasonSv = v.ReasonSv }));
        }

        return candidate;
    }

    public static SitingRules ToMessage(this SitingRulesRecord r)
    {
        var rules = new SitingRules
        {
            RequireLarosate = r.RequireLarosate,
            MaxLarosateKm = r.MaxLarosateKm,
            MinOfficeDistanceKm = r.MinOfficeDistanceKm,
            PreferSpsm = r.PreferSpsm,
        };
        rules.SpsmKommunkoder.AddRange(r.SpsmKommunkoder);
        rules.ExcludedKommunkoder.AddRange(r.Excluded);
        rules.InsistedKommunkoder.AddRange(r.Insisted);
        return rules;
    }

    public static SiteWave ToMessage(this WaveRecord w, string method, PlaceNames names)
    {
        var wave = new SiteWave
        {
            TravelKmSavedPerYear = w.TravelKmSavedPerYear,
            TravelHoursSavedPerYear = w.TravelHoursSavedPerYear,
            MonthsToCoverBefore = w.MonthsToCoverBefore,
            MonthsToCoverAfter = w.MonthsToCoverAfter,
            HuvudmanReassigned = w.HuvudmanReassigned,
            NightsAwaySavedPerYear = w.NightsAwaySavedPerYear,
            SingleSiteTravelKmSavedSum = w.SingleSiteTravelKmSavedSum,
            Method = method,
        };
        wave.Sites.AddRange(w.Sites.Select(s => s.Site.ToMessage(names)));
        wave.SingleSiteTravelKmSavedPerYear.AddRange(w.Sites.Select(s => s.SingleSiteTravelKmSavedPerYear));
        return wave;
    }
}
