using System.Globalization;
using Planering.Contracts.V1;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Travel;
using Planering.Domain.Workload;
using Planering.Gateway.Errors;
using Planering.Gateway.Registry;
using DomainParameters = Planering.Domain.Parameters.PlanningParameters;
using OfficeParameters = Planering.Domain.Parameters.OfficeParameters;

namespace Planering.Gateway.Planning;

/// <summary>
/// The planning parameters between their protobuf message and the domain record. The message is the whole set, so
/// reading it checks only its shape (times, enums, ids, duplicates, under the message's field names); the ranges are
/// the domain's to check, and it names every field the same way.
/// </summary>
internal static class ParametersMapping
{
    public static PlanningParameters ToMessage(this DomainParameters p)
    {
        var w = p.Workload;
        var message = new PlanningParameters
        {
            Version = p.Version,
            CycleMonths = w.CycleMonths,
            DialogueShare = p.DialogueShare,
            DigitalShare = w.DigitalShare,
            AdvisorsPerDialogue = w.AdvisorsPerDialogue,
            MaxDialoguesPerDay = w.MaxDialoguesPerDay,
            MaxDialoguesPerWeek = w.MaxDialoguesPerWeek,
            PreparationLeadWorkingDays = w.PreparationLeadWorkingDays,
            TravelSpeedKmPerHour = w.TravelSpeedKmPerHour,
            RoadFactor = w.RoadFactor,
            StartMeetingHours = w.StartMeetingHours,
            StartMeetingHuvudmanPerGroup = w.StartMeetingHuvudmanPerGroup,
            StartMeetingAdvisors = w.StartMeetingAdvisors,
            SizeReferencePupils = w.SizeReferencePupils,
            PreparationBaseHours = w.PreparationBaseHours,
            PreparationHoursPerDoubling = w.PreparationHoursPerDoubling,
            PreparationMaxHours = w.PreparationMaxHours,
            DialogueBaseHours = w.DialogueBaseHours,
            DialogueHoursPerDoubling = w.DialogueHoursPerDoubling,
            DialogueMaxHours = w.DialogueMaxHours,
            FollowUpHours = w.FollowUpHours,
            FollowUpAdvisors = w.FollowUpAdvisors,
            FollowUpWorkingDaysAfter = w.FollowUpWorkingDaysAfter,
            SpsmShare = w.SpsmShare,
            SpsmCoordinationHours = w.SpsmCoordinationHours,
            OfficeHours = p.Hours.ToMessage(),
            MaxNightsAwayPerAdvisorMonth = w.Trips.MaxNightsAwayPerAdvisorMonth,
            MaxNightsPerTrip = w.Trips.MaxNightsPerTrip,
            AcceptanceRatePublic = p.AcceptanceRatePublic,
            AcceptanceRateIndependent = p.AcceptanceRateIndependent,
            MandateStart = p.MandateStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        message.FerryRoutes.AddRange(w.Trips.FerryRoutes.Select(f =>
        {
            var line = new FerryLine
            {
                Name = f.Name,
                MainlandPort = new GeoPoint { Latitude = f.MainlandPort.Latitude, Longitude = f.MainlandPort.Longitude },
                IslandPort = new GeoPoint { Latitude = f.IslandPort.Latitude, Longitude = f.IslandPort.Longitude },
                CrossingMinutes = f.CrossingMinutes,
                CheckInMinutes = f.CheckInMinutes,
            };
            line.IslandKommunkoder.AddRange(f.IslandKommunkoder);
            line.DeparturesFromMainland.AddRange(f.DeparturesFromMainland.Select(Minutes));
            line.DeparturesFromIsland.AddRange(f.DeparturesFromIsland.Select(Minutes));
            return line;
        }));
        message.OfficeOverrides.AddRange(p.Offices.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new OfficeParameterOverride
        {
            OfficeId = o.Key,
            MaxDialoguesPerDay = o.Value.MaxDialoguesPerDay ?? 0,
            MaxDialoguesPerWeek = o.Value.MaxDialoguesPerWeek ?? 0,
            OfficeHours = o.Value.Hours?.ToMessage(),
        }));
        message.HuvudmanCycles.AddRange(p.HuvudmanCycleMonths.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new HuvudmanCycle { HuvudmanId = c.Key, CycleMonths = c.Value }));
        return message;
    }

    /// <summary>The domain record of a message; shape errors are added to <paramref name="violations"/> under <paramref name="prefix"/>.</summary>
    public static DomainParameters ToDomain(this PlanningParameters m, Violations violations, string prefix = "")
    {
        var workload = new WorkloadOptions
        {
            CycleMonths = m.CycleMonths,
            DigitalShare = m.DigitalShare,
            AdvisorsPerDialogue = m.AdvisorsPerDialogue,
            MaxDialoguesPerDay = m.MaxDialoguesPerDay,
            MaxDialoguesPerWeek = m.MaxDialoguesPerWeek,
            PreparationLeadWorkingDays = m.PreparationLeadWorkingDays,
            TravelSpeedKmPerHour = m.TravelSpeedKmPerHour,
            RoadFactor = m.RoadFactor,
            StartMeetingHours = m.StartMeetingHours,
            StartMeetingHuvudmanPerGroup = m.StartMeetingHuvudmanPerGroup,
            StartMeetingAdvisors = m.StartMeetingAdvisors,
            SizeReferencePupils = m.SizeReferencePupils,
            PreparationBaseHours = m.PreparationBaseHours,
            PreparationHoursPerDoubling = m.PreparationHoursPerDoubling,
            PreparationMaxHours = m.PreparationMaxHours,
            DialogueBaseHours = m.DialogueBaseHours,
            DialogueHoursPerDoubling = m.DialogueHoursPerDoubling,
            DialogueMaxHours = m.DialogueMaxHours,
            FollowUpHours = m.FollowUpHours,
            FollowUpAdvisors = m.FollowUpAdvisors,
            FollowUpWorkingDaysAfter = m.FollowUpWorkingDaysAfter,
            SpsmShare = m.SpsmShare,
            SpsmCoordinationHours = m.SpsmCoordinationHours,
            Trips = new TripOptions
            {
                MaxNightsAwayPerAdvisorMonth = m.MaxNightsAwayPerAdvisorMonth,
                MaxNightsPerTrip = m.MaxNightsPerTrip,
                FerryRoutes = m.FerryRoutes.Take(100).Select((f, i) => f.ToDomain(violations, string.Create(CultureInfo.InvariantCulture, $"{prefix}ferry_routes[{i}]"))).ToList(),
            },
        };
        violations.Require(m.FerryRoutes.Count <= 20, prefix + "ferry_routes", "must hold at most 20 routes");

        var hours = m.OfficeHours is null ? null : m.OfficeHours.ToDomain(violations, prefix + "office_hours.");
        violations.Require(m.OfficeHours is not null, prefix + "office_hours", "is required (read the set with GetPlanningParameters and change it)");

        var offices = new Dictionary<string, OfficeParameters>(StringComparer.Ordinal);
        violations.Require(m.OfficeOverrides.Count <= DomainParameters.MaxOverrides, prefix + "office_overrides", $"must hold at most {DomainParameters.MaxOverrides} offices");
        for (var i = 0; i < m.OfficeOverrides.Count && i < 1_000; i++)
        {
            var o = m.OfficeOverrides[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"{prefix}office_overrides[{i}]");
            RequestShape.OfficeId(violations, field + ".office_id", o.OfficeId);
            violations.Require(o.MaxDialoguesPerDay >= 0, field + ".max_dialogues_per_day", "must be at least 1 (0 takes the set's)");
            violations.Require(o.MaxDialoguesPerWeek >= 0, field + ".max_dialogues_per_week", "must be at least 1 (0 takes the set's)");
            var own = new OfficeParameters(
                o.MaxDialoguesPerDay > 0 ? o.MaxDialoguesPerDay : null,
                o.MaxDialoguesPerWeek > 0 ? o.MaxDialoguesPerWeek : null,
                o.OfficeHours?.ToDomain(violations, field + ".office_hours."));
            if (!offices.TryAdd(o.OfficeId, own))
            {
                violations.Add(field + ".office_id", "is named twice");
            }
        }

        var cycles = new Dictionary<string, int>(StringComparer.Ordinal);
        violations.Require(m.HuvudmanCycles.Count <= DomainParameters.MaxOverrides, prefix + "huvudman_cycles", $"must hold at most {DomainParameters.MaxOverrides} huvudmän");
        for (var i = 0; i < m.HuvudmanCycles.Count && i < DomainParameters.MaxOverrides; i++)
        {
            var c = m.HuvudmanCycles[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"{prefix}huvudman_cycles[{i}]");
            var before = violations.Found.Count;
            RequestShape.OrganisationNumber(violations, field + ".huvudman_id", c.HuvudmanId);
            violations.Require(c.CycleMonths is >= 1 and <= 240, field + ".cycle_months", "must be between 1 and 240");
            if (violations.Found.Count == before && !cycles.TryAdd(c.HuvudmanId, c.CycleMonths))
            {
                violations.Add(field + ".huvudman_id", "is named twice");
            }
        }

        var mandateStart = RequestShape.RequiredDate(violations, prefix + "mandate_start", m.MandateStart);
        return new DomainParameters
        {
            Version = m.Version,
            Workload = workload,
            DialogueShare = m.DialogueShare,
            Hours = hours ?? OfficeHours.Default,
            Offices = offices,
            HuvudmanCycleMonths = cycles,
            AcceptanceRatePublic = m.AcceptanceRatePublic,
            AcceptanceRateIndependent = m.AcceptanceRateIndependent,
            MandateStart = mandateStart == default ? DomainParameters.DefaultMandateStart : mandateStart,
        };
    }

    /// <summary>
    /// Adds the domain's range violations of <paramref name="proposed"/> to the shape violations already found, so a
    /// caller learns every bad field in one answer; a field the shape check already named is not named twice.
    /// </summary>
    public static void AddRuleViolations(this Violations violations, DomainParameters proposed, string prefix = "")
    {
        try
        {
            proposed.Validate();
        }
        catch (PlaneringException invalid) when (invalid.Code == Domain.Errors.ErrorCode.InvalidArgument)
        {
            var named = violations.Found.Select(v => v.Field).ToHashSet(StringComparer.Ordinal);
            foreach (var v in invalid.Violations)
            {
                if (!named.Contains(prefix + v.Field))
                {
                    violations.Add(prefix + v.Field, v.Description);
                }
            }
        }
    }

    private static OfficeHoursRule ToMessage(this OfficeHours h)
    {
        var message = new OfficeHoursRule
        {
            DayStart = Time(h.DayStart),
            DayEnd = Time(h.DayEnd),
            LunchStart = Time(h.LunchStart),
            LunchMinutes = h.LunchMinutes,
        };
        message.WorkingDays.AddRange(h.WorkingDays.OrderBy(d => ((int)d + 6) % 7).Select(d => d == DayOfWeek.Sunday ? Weekday.Sunday : (Weekday)(int)d));
        message.ShortenedDays.AddRange(h.ShortenedDays.Select(r =>
        {
            var day = new ShortenedDay { Kind = (Contracts.V1.ShortenedDayKind)(int)r.Kind, HoursShorter = r.HoursShorter };
            if (r.FridayHoursShorter is { } friday)
            {
                day.FridayHoursShorter = friday;
            }

            return day;
        }));
        return message;
    }

    private static OfficeHours ToDomain(this OfficeHoursRule m, Violations violations, string prefix)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var day in m.WorkingDays)
        {
            if (day is < Weekday.Monday or > Weekday.Sunday)
            {
                violations.Add(prefix + "working_days", "must hold weekdays only (WEEKDAY_MONDAY … WEEKDAY_SUNDAY)");
                continue;
            }

            violations.Require(days.Add(day.ToDayOfWeek()), prefix + "working_days", "must name each weekday once");
        }

        var rules = new List<ShortenedDayRule>();
        for (var i = 0; i < m.ShortenedDays.Count && i < 100; i++)
        {
            var r = m.ShortenedDays[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"{prefix}shortened_days[{i}]");
            var known = Enum.IsDefined((Domain.Calendar.ShortenedDayKind)(int)r.Kind) && r.Kind != Contracts.V1.ShortenedDayKind.Unspecified;
            violations.Require(known, field + ".kind", "must be one of the SHORTENED_DAY_KIND_ values");
            violations.Require(double.IsFinite(r.HoursShorter) && r.HoursShorter is >= 0 and <= 12, field + ".hours_shorter", "must be between 0 and 12 hours");
            violations.Require(!r.HasFridayHoursShorter || (double.IsFinite(r.FridayHoursShorter) && r.FridayHoursShorter is >= 0 and <= 12),
                field + ".friday_hours_shorter", "must be between 0 and 12 hours");
            if (known)
            {
                rules.Add(new ShortenedDayRule((Domain.Calendar.ShortenedDayKind)(int)r.Kind, r.HoursShorter, r.HasFridayHoursShorter ? r.FridayHoursShorter : null));
            }
        }

        violations.Require(m.ShortenedDays.Count <= 100, prefix + "shortened_days", "must hold at most 100 rules");
        return new OfficeHours
        {
            WorkingDays = days,
            DayStart = ParseTime(violations, prefix + "day_start", m.DayStart),
            DayEnd = ParseTime(violations, prefix + "day_end", m.DayEnd),
            LunchStart = m.LunchMinutes == 0 && m.LunchStart.Length == 0 ? new TimeOnly(12, 0) : ParseTime(violations, prefix + "lunch_start", m.LunchStart),
            LunchMinutes = m.LunchMinutes,
            ShortenedDays = rules,
        };
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(int minute) => Time(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)));

    private static FerryRoute ToDomain(this FerryLine f, Violations violations, string field)
    {
        static GeoPosition Point(GeoPoint? p) => p is null ? default : new GeoPosition(p.Latitude, p.Longitude);
        List<int> Departures(IEnumerable<string> times, string name) =>
            times.Take(100).Select(t => ParseTime(violations, $"{field}.{name}", t)).Select(t => (t.Hour * 60) + t.Minute).ToList();
        violations.Require(f.MainlandPort is not null, field + ".mainland_port", "is required");
        violations.Require(f.IslandPort is not null, field + ".island_port", "is required");
        return new FerryRoute(f.Name, Point(f.MainlandPort), Point(f.IslandPort), f.IslandKommunkoder.Take(300).ToList(), f.CrossingMinutes, f.CheckInMinutes,
            Departures(f.DeparturesFromMainland, "departures_from_mainland"), Departures(f.DeparturesFromIsland, "departures_from_island"));
    }

    private static TimeOnly ParseTime(Violations violations, string field, string value)
    {
        if (value.Length <= 5 && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        violations.Add(field, "must be a local time HH:MM, e.g. 08:00");
        return new TimeOnly(8, 0);
    }

    public static CapacityLimit ToMessage(this Domain.Planning.BindingLimit binding) => binding switch
    {
        Domain.Planning.BindingLimit.Hours => CapacityLimit.Hours,
        Domain.Planning.BindingLimit.Dialogues => CapacityLimit.Dialogues,
        _ => CapacityLimit.Unspecified,
    };

    public static LoadStatus ToMessage(this Domain.Planning.LoadStatus status) => status switch
    {
        Domain.Planning.LoadStatus.Overloaded => LoadStatus.Overloaded,
        Domain.Planning.LoadStatus.NoCapacity => LoadStatus.NoCapacity,
        _ => LoadStatus.Ok,
    };
}
