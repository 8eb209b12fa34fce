using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Gateway.Errors;
using Planering.Grains.Scheduling;
using DomainLovKind = Planering.Domain.Calendar.LovKind;
using DomainPasklovRule = Planering.Domain.Calendar.PasklovRule;
using DomainPeriodKind = Planering.Domain.Calendar.SchoolCalendarPeriodKind;
using DomainMode = Planering.Domain.Workload.DialogueMode;

namespace Planering.Gateway.Scheduling;

/// <summary>Conversions between the scheduling protobuf messages and the grain records.</summary>
internal static class SchedulingMapping
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Clock(int minute) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static Slot ToMessage(this SlotRecord slot)
    {
        var message = new Slot
        {
            OfficeId = slot.OfficeId,
            Date = Date(slot.Date),
            LocalStart = Clock(slot.StartMinute),
            LocalEnd = Clock(slot.EndMinute),
            Start = Timestamp.FromDateTimeOffset(slot.StartUtc),
            End = Timestamp.FromDateTimeOffset(slot.EndUtc),
            Mode = slot.Mode.ToMessage(),
            DialogueHours = slot.DialogueHours,
            PreparationHours = slot.PreparationHours,
            TravelHoursOneWay = slot.TravelMinutesOneWay / 60.0,
            PreparationDeadline = Date(slot.PreparationDeadline),
            SpsmParticipation = slot.SpsmParticipation,
        };
        message.AdvisorIds.AddRange(slot.AdvisorIds);
        if (slot.Trip is { } trip)
        {
            message.NightsAway = trip.BackDate.DayNumber - trip.OutDate.DayNumber;
            message.TravelHours = ((trip.OutToMinute - trip.OutFromMinute) + (trip.BackToMinute - trip.BackFromMinute)) / 60.0;
            message.TravelKm = trip.RoadKm;
            message.TravelOutDate = Date(trip.OutDate);
            message.TravelOutLocalStart = Clock(trip.OutFromMinute);
            message.TravelBackDate = Date(trip.BackDate);
            message.TravelBackLocalEnd = Clock(trip.BackToMinute);
            message.Ferry = trip.Ferry ?? string.Empty;
        }
        else if (slot.Mode == DomainMode.OnSite)
        {
            // Booked before trips were modelled: the same day, the same road each way.
            message.TravelHours = 2 * slot.TravelMinutesOneWay / 60.0;
            message.TravelOutDate = message.TravelBackDate = Date(slot.Date);
            message.TravelOutLocalStart = Clock(slot.StartMinute - slot.TravelMinutesOneWay);
            message.TravelBackLocalEnd = Clock(slot.EndMinute + slot.TravelMinutesOneWay);
        }

        return message;
    }

    public static Rejection ToMessage(this RejectionRecord r) => new()
    {
        Code = r.Code,
        ReasonSv = r.ReasonSv,
        ReasonEn = r.ReasonEn,
        Days = r.Days,
        FirstDate = Date(r.FirstDate),
        LastDate = Date(r.LastDate),
        Example = r.Example ?? string.Empty,
    };

    public static Dialogue ToMessage(this DialogueRecord d, DateTimeOffset now)
    {
        var message = new Dialogue
        {
            DialogueId = d.DialogueId,
            HuvudmanId = d.HuvudmanId,
            HuvudmanName = d.HuvudmanName,
            Slot = d.Slot.ToMessage(),
            Status = !d.IsActive ? DialogueStatus.Cancelled : d.Slot.EndUtc <= now ? DialogueStatus.Held : DialogueStatus.Booked,
            RequestId = d.RequestId,
            BookedAt = Timestamp.FromDateTimeOffset(d.BookedAt),
            CancelReason = d.CancelReason ?? string.Empty,
        };
        if (d.CancelledAt is { } cancelled)
        {
            message.CancelledAt = Timestamp.FromDateTimeOffset(cancelled);
        }

        return message;
    }

    public static SchoolHolidays ToMessage(this IReadOnlyList<LovPeriodRecord> periods, string kommunkod, int year)
    {
        var message = new SchoolHolidays { Kommunkod = kommunkod, Year = year };
        message.Periods.AddRange(periods.Select(p => new LovPeriod
        {
            Kind = (LovKind)(int)p.Kind,
            StartDate = Date(p.Start),
            EndDate = Date(p.End),
            Overridden = p.Overridden,
            Source = (LovSource)(int)p.Source,
        }));
        return message;
    }

    /// <summary>A row's shape (school year, kind, dates, organisation number) checked under <paramref name="prefix"/>field; null when it is bad.</summary>
    public static SchoolCalendarEntryRecord? ToRecord(this SchoolCalendarRow row, Violations violations, string prefix)
    {
        var before = violations.Found.Count;
        violations.Require(row.Kommunkod.Length == 4 && row.Kommunkod.All(char.IsAsciiDigit), prefix + "kommunkod", "must be a four-digit kommun code");
        violations.Require(Domain.Calendar.SchoolYears.TryParse(row.SchoolYear, out var schoolYear), prefix + "school_year", "must be a läsår such as 2026/27");
        RequestShape.KnownEnum(violations, prefix + "kind", row.Kind, allowUnspecified: false);
        var first = RequestShape.RequiredDate(violations, prefix + "first_day", row.FirstDay);
        var last = RequestShape.RequiredDate(violations, prefix + "last_day", row.LastDay);
        if (row.OrganisationNumber.Length > 0)
        {
            RequestShape.OrganisationNumber(violations, prefix + "organisation_number", row.OrganisationNumber);
        }

        return violations.Found.Count > before
            ? null
            : new SchoolCalendarEntryRecord(row.Kommunkod, row.OrganisationNumber.Length > 0 ? row.OrganisationNumber : null, schoolYear,
                (DomainPeriodKind)(int)row.Kind, first, last);
    }

    /// <summary>A rule's settings; an unset field stays null (inherited). Ranges are checked by the domain under the same names.</summary>
    public static KommunLovRuleRecord ToRecord(this KommunLovRule rule, Violations violations, string prefix)
    {
        RequestShape.KnownEnum(violations, prefix + "pasklov_rule", rule.PasklovRule, allowUnspecified: true);
        DayOfWeek? weekday = null;
        if (rule.HasLastSchoolDayWeekday)
        {
            violations.Require(rule.LastSchoolDayWeekday is >= 1 and <= 5, prefix + "last_school_day_weekday", "must be an ISO weekday 1 (Monday) to 5 (Friday)");
            weekday = (DayOfWeek)(rule.LastSchoolDayWeekday % 7);
        }

        return new KommunLovRuleRecord(
            rule.HasSportlovWeek ? rule.SportlovWeek : null,
            rule.PasklovRule == PasklovRule.Unspecified ? null : (DomainPasklovRule)(int)rule.PasklovRule,
            rule.HasPasklovWeek ? rule.PasklovWeek : null,
            rule.HasLateEasterFromAprilDay ? rule.LateEasterFromAprilDay : null,
            rule.HasHostlovWeek ? rule.HostlovWeek : null,
            rule.HasLastSchoolDayJune ? rule.LastSchoolDayJune : null,
            weekday,
            rule.HasFirstSchoolDayAugust ? rule.FirstSchoolDayAugust : null,
            rule.HasLastSchoolDayDecember ? rule.LastSchoolDayDecember : null,
            rule.HasFirstSchoolDayJanuary ? rule.FirstSchoolDayJanuary : null);
    }

    public static SchoolCalendarRules ToMessage(this KommunRulesRecord r) => new()
    {
        Kommunkod = r.Kommunkod,
        Set = r.Set.ToMessage(),
        Shipped = r.Shipped.ToMessage(),
        ShippedEvidence = r.ShippedEvidence,
        Effective = r.Effective.ToMessage(),
    };

    private static KommunLovRule ToMessage(this KommunLovRuleRecord r)
    {
        var message = new KommunLovRule { PasklovRule = r.Pasklov is { } p ? (PasklovRule)(int)p : PasklovRule.Unspecified };
        if (r.SportlovWeek is { } sportlov) { message.SportlovWeek = sportlov; }
        if (r.PasklovWeek is { } pasklov) { message.PasklovWeek = pasklov; }
        if (r.LateEasterFromAprilDay is { } late) { message.LateEasterFromAprilDay = late; }
        if (r.HostlovWeek is { } hostlov) { message.HostlovWeek = hostlov; }
        if (r.LastSchoolDayJune is { } june) { message.LastSchoolDayJune = june; }
        if (r.LastSchoolDayWeekday is { } weekday) { message.LastSchoolDayWeekday = weekday == DayOfWeek.Sunday ? 7 : (int)weekday; }
        if (r.FirstSchoolDayAugust is { } august) { message.FirstSchoolDayAugust = august; }
        if (r.LastSchoolDayDecember is { } december) { message.LastSchoolDayDecember = december; }
        if (r.FirstSchoolDayJanuary is { } january) { message.FirstSchoolDayJanuary = january; }
        return message;
    }

    public static DialogueMode ToMessage(this DomainMode mode) => mode == DomainMode.OnSite ? DialogueMode.OnSite : DialogueMode.Digital;

    /// <summary>The modes a request asks for; ANY (or unspecified) tries digital first, so a tie keeps the cheaper dialogue.</summary>
    public static IReadOnlyList<DomainMode> ToDomainModes(this DialogueMode mode) => mode switch
    {
        DialogueMode.Digital => [DomainMode.Digital],
        DialogueMode.OnSite => [DomainMode.OnSite],
        _ => [DomainMode.Digital, DomainMode.OnSite],
    };

    public static DomainLovKind ToDomain(this LovKind kind) => (DomainLovKind)(int)kind;
}
