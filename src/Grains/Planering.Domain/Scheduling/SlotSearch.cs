using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Finds the earliest slot that satisfies every scheduling rule, day by day, never minute by minute: the day rules
/// (weekday, holiday, lov, lead time, cycle, blocked date, caps) are checked first; on a day that passes them, each
/// pair of present advisors' free intervals (their bookings, travel included, taken out of the working day) are
/// intersected and the first gap long enough for travel + dialogue + travel is taken, aligned to
/// <see cref="GranularityMinutes"/>. The same checks verify a slot at booking time (<see cref="Check"/>), so a
/// booked slot is always one the search could have offered.
/// </summary>
public sealed class SlotSearch(OfficeWorkingTime workingTime, SchoolHolidayCalendar schoolHolidays, WorkloadModel workload)
{
    /// <summary>Slots start on the quarter hour.</summary>
    public const int GranularityMinutes = 15;

    public OfficeWorkingTime WorkingTime { get; } = workingTime;

    public WorkloadModel Workload { get; } = workload;

    public SlotSearchResult FindEarliest(SlotQuery query, OfficeSchedule schedule)
    {
        var tally = new RejectionTally();
        var leadDate = Workload.EarliestDialogueDate(query.Today, WorkingTime);
        var last = query.Earliest.AddDays(query.HorizonDays - 1);
        var examined = 0;
        var closedEverywhereSoFar = true;
        for (var date = query.Earliest; date <= last; date = date.AddDays(1))
        {
            examined++;
            if (DayRejection(query, schedule, date, leadDate) is { } dayRule)
            {
                tally.Add(dayRule.Code, date, dayRule.Example);
                closedEverywhereSoFar &= IsSameAtEveryOffice(dayRule.Code);
                continue;
            }

            FoundSlot? best = null;
            RejectionCode? failure = null;
            foreach (var mode in query.Modes)
            {
                var (slot, modeFailure) = EarliestOnDay(query, schedule, date, mode, fixedAdvisors: null, fixedStart: null);
                if (slot is not null)
                {
                    // Digital comes first in the modes, so a tie keeps the cheaper dialogue.
                    if (best is null || slot.StartMinute < best.StartMinute)
                    {
                        best = slot;
                    }
                }
                else if (failure is null || modeFailure > failure)
                {
                    // The codes run from general to specific; the most specific failure explains the day best.
                    failure = modeFailure;
                }
            }

            if (best is not null)
            {
                return new SlotSearchResult(best, tally.Summaries, examined, Elsewhere(query, best, closedEverywhereSoFar));
            }

            tally.Add(failure ?? RejectionCode.AdvisorsBusy, date);
            closedEverywhereSoFar = false;
        }

        return new SlotSearchResult(null, tally.Summaries, examined, EarlierElsewhere.AnyOffice);
    }

    /// <summary>
    /// Verifies one concrete slot (office, date, start, mode, advisors) against every rule; returns the first rule it
    /// breaks, or the slot as it would be booked (with its effort recomputed, never taken from the caller).
    /// </summary>
    public (FoundSlot? Slot, RejectionCode? Rejection) Check(SlotQuery query, OfficeSchedule schedule, DateOnly date, int startMinute, DialogueMode mode, IReadOnlyList<string> advisorIds)
    {
        // A start chosen at 03:00 is not "taken" (a full day would say so): no advisor could ever hold it, whatever the
        // calendar, so it breaks a rule before anything else is looked at.
        // (A dialogue that fits no working day at all is the travel rule's, below.)
        var (_, travel, length) = Span(query, mode);
        var (dayStart, dayEnd) = (Minutes(WorkingTime.Hours.DayStart), Minutes(WorkingTime.DayEndOn(date)));
        if (travel + length + travel <= dayEnd - dayStart && (startMinute - travel < dayStart || startMinute + length + travel > dayEnd))
        {
            return (null, RejectionCode.OutsideOfficeHours);
        }

        var leadDate = Workload.EarliestDialogueDate(query.Today, WorkingTime);
        if (DayRejection(query, schedule, date, leadDate) is { } dayRule)
        {
            return (null, dayRule.Code);
        }

        var (slot, failure) = EarliestOnDay(query, schedule, date, mode, advisorIds, startMinute);
        return slot is null ? (null, failure) : (slot, null);
    }

    /// <summary>Which other offices could start earlier than <paramref name="slot"/>, the earliest this office has (see <see cref="EarlierElsewhere"/>).</summary>
    private EarlierElsewhere Elsewhere(SlotQuery query, FoundSlot slot, bool closedEverywhereBefore)
    {
        var dayStart = Minutes(WorkingTime.Hours.DayStart);
        if (!closedEverywhereBefore)
        {
            return EarlierElsewhere.AnyOffice;
        }

        if (slot.Mode == DialogueMode.Digital && slot.StartMinute == dayStart)
        {
            return EarlierElsewhere.None;
        }

        // Asked for on site only (with digital allowed, any office could offer a digital start at the day's beginning):
        // a farther office travels at least as long, so it starts no earlier.
        return query.Modes is [DialogueMode.OnSite] && slot.StartMinute == dayStart + slot.TravelMinutesOneWay
            ? EarlierElsewhere.NearerOffice
            : EarlierElsewhere.AnyOffice;
    }

    /// <summary>
    /// The day rules that depend only on the calendar, the working time and the huvudman, checked before any rule of
    /// the office's own (its caps, advisors, travel): a day they close is closed at every office with this working time.
    /// </summary>
    private static bool IsSameAtEveryOffice(RejectionCode code) => code is RejectionCode.NonWorkingDay or RejectionCode.PublicHoliday
        or RejectionCode.SchoolHoliday or RejectionCode.LeadTime or RejectionCode.CycleSpacing or RejectionCode.BlockedDate;

    private (RejectionCode Code, string? Example)? DayRejection(SlotQuery query, OfficeSchedule schedule, DateOnly date, DateOnly leadDate)
    {
        if (!WorkingTime.Hours.WorkingDays.Contains(date.DayOfWeek))
        {
            return (RejectionCode.NonWorkingDay, date.DayOfWeek.ToString());
        }

        if (WorkingTime.Holidays.TryGetHoliday(date, out var holiday))
        {
            return (RejectionCode.PublicHoliday, holiday!.SwedishName);
        }

        if (schoolHolidays.IsSchoolHoliday(query.Huvudman.Kommunkod, date, out var lov))
        {
            return (RejectionCode.SchoolHoliday, lov.Kind.ToString().ToLowerInvariant());
        }

        if (date < leadDate)
        {
            return (RejectionCode.LeadTime, leadDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!Workload.IsDue(query.Huvudman.LastDialogueDate, date, query.Huvudman.CycleMonths))
        {
            return (RejectionCode.CycleSpacing, query.Huvudman.LastDialogueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (query.Huvudman.BlockedDates.Contains(date))
        {
            return (RejectionCode.BlockedDate, null);
        }

        var onDay = schedule.CountOn(date);
        if (onDay >= Workload.Options.MaxDialoguesPerDay)
        {
            return (RejectionCode.DailyCap, null);
        }

        if (schedule.CountInWeekOf(date) >= Workload.Options.MaxDialoguesPerWeek)
        {
            return (RejectionCode.WeeklyCap, null);
        }

        return null;
    }

    /// <summary>What the dialogue costs, and its minutes of travel each way and of the dialogue itself.</summary>
    private (DialogueEffort Effort, int Travel, int Length) Span(SlotQuery query, DialogueMode mode)
    {
        var distanceKm = query.Huvudman.Position.DistanceKmTo(query.Office.Position);
        var effort = Workload.Estimate(query.Huvudman.Pupils, mode, Math.Min(distanceKm, WorkloadModel.MaxDistanceKm), query.SpsmParticipation);
        var travel = mode == DialogueMode.OnSite ? RoundUp((int)Math.Ceiling(effort.TravelHoursOneWay * 60), 5) : 0;
        return (effort, travel, (int)Math.Round(effort.DialogueHours * 60));
    }

    private (FoundSlot? Slot, RejectionCode Failure) EarliestOnDay(
        SlotQuery query, OfficeSchedule schedule, DateOnly date, DialogueMode mode, IReadOnlyList<string>? fixedAdvisors, int? fixedStart)
    {
        var (effort, travel, length) = Span(query, mode);
        var dayStart = Minutes(WorkingTime.Hours.DayStart);
        var dayEnd = Minutes(WorkingTime.DayEndOn(date));
        if (travel + length + travel > dayEnd - dayStart)
        {
            return (null, RejectionCode.Travel);
        }

        var present = query.Office.Advisors
            .Where(a => a.IsOnDuty(date))
            .OrderBy(a => a.AdvisorId, StringComparer.Ordinal)
            .ToList();
        if (fixedAdvisors is not null)
        {
            if (fixedAdvisors.Count != 2 || fixedAdvisors[0] == fixedAdvisors[1]
                || !fixedAdvisors.All(id => present.Any(a => a.AdvisorId == id)))
            {
                return (null, RejectionCode.AdvisorAbsent);
            }

            present = present.Where(a => fixedAdvisors.Contains(a.AdvisorId)).ToList();
        }

        if (present.Count < 2)
        {
            return (null, RejectionCode.AdvisorAbsent);
        }

        var window = new MinuteInterval(dayStart, dayEnd);
        var free = present.Select(a => MinuteInterval.Free(window, schedule.BusyIntervals(a.AdvisorId, date))).ToList();
        var need = travel + length + travel;
        var failure = RejectionCode.AdvisorsBusy;
        (int Start, Advisor A, Advisor B)? best = null;
        for (var i = 0; i < present.Count; i++)
        {
            for (var j = i + 1; j < present.Count; j++)
            {
                var together = MinuteInterval.Intersect(free[i], free[j]);
                var busyFrom = FirstFit(together, need, dayStart, fixedStart is { } s ? s - travel : null);
                if (busyFrom is not { } from || (best is { } b && from >= b.Start))
                {
                    continue;
                }

                if (!CanPrepare(query, schedule, date, effort.HoursBefore, present[i], present[j]))
                {
                    failure = RejectionCode.Preparation;
                    continue;
                }

                best = (from, present[i], present[j]);
            }
        }

        if (best is not { } chosen)
        {
            return (null, failure);
        }

        var start = chosen.Start + travel;
        var end = start + length;
        var slot = new FoundSlot(
            query.Office.Id, date, start, end, mode, [chosen.A.AdvisorId, chosen.B.AdvisorId], effort, travel,
            WorkingTime.AddWorkingDays(date, -1),
            StockholmTime.ToUtc(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start))),
            StockholmTime.ToUtc(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end))));
        return (slot, RejectionCode.AdvisorsBusy);
    }

    /// <summary>
    /// The first aligned start in the common free time that leaves <paramref name="need"/> minutes; with a fixed start,
    /// whether exactly that start fits.
    /// </summary>
    private static int? FirstFit(List<MinuteInterval> together, int need, int dayStart, int? fixedBusyFrom)
    {
        foreach (var gap in together)
        {
            if (fixedBusyFrom is { } fixedFrom)
            {
                if (fixedFrom >= gap.From && fixedFrom + need <= gap.To)
                {
                    return fixedFrom;
                }

                continue;
            }

            var aligned = dayStart + RoundUp(gap.From - dayStart, GranularityMinutes);
            if (aligned + need <= gap.To)
            {
                return aligned;
            }
        }

        return null;
    }

    /// <summary>
    /// Each of the two advisors must have, in the working days of the lead-time window before the dialogue, working
    /// hours (lunch out, shortened days applied, scaled by FTE, less their dialogues and travel on those days) for their
    /// half of this dialogue's desk work before it (preparation, introduction share, SPSM coordination), of the desk work
    /// of their other dialogues whose windows overlap this one, and of the feedback meetings of their earlier dialogues
    /// that fall in the window (the follow-up takes advisor time after a dialogue).
    /// </summary>
    private bool CanPrepare(SlotQuery query, OfficeSchedule schedule, DateOnly date, double hoursBefore, Advisor a, Advisor b)
    {
        var options = Workload.Options;
        var windowStart = Workload.PreparationStart(date, WorkingTime);
        var overlapEnd = WorkingTime.AddWorkingDays(date, options.PreparationLeadWorkingDays);
        var followUpFrom = WorkingTime.AddWorkingDays(windowStart, -options.FollowUpWorkingDaysAfter);
        var followUp = Workload.FollowUpHoursPerAdvisor;
        var introduction = Workload.StartMeetingAdvisorHours / 2;
        return Enough(a) && Enough(b);

        bool Enough(Advisor advisor)
        {
            var available = 0.0;
            var required = hoursBefore / 2;
            for (var day = followUpFrom; day <= overlapEnd; day = day.AddDays(1))
            {
                var bookings = schedule.BookingsOf(advisor.AdvisorId, day);
                if (day < windowStart)
                {
                    // An earlier dialogue whose feedback meeting falls inside this window.
                    if (followUp > 0 && bookings.Count > 0 && WorkingTime.AddWorkingDays(day, options.FollowUpWorkingDaysAfter) is var meeting
                        && meeting >= windowStart && meeting < date)
                    {
                        required += followUp * bookings.Count(x => x.HuvudmanId != query.Huvudman.Id);
                    }

                    continue;
                }

                if (day < date && WorkingTime.IsWorkingDay(day) && advisor.IsOnDuty(day))
                {
                    available += (WorkingTime.WorkingHoursOf(day) * advisor.DayFraction) - bookings.Sum(x => (x.BusyToMinute - x.BusyFromMinute) / 60.0);
                }

                foreach (var other in bookings)
                {
                    if (other.HuvudmanId != query.Huvudman.Id)
                    {
                        required += (other.PreparationHours / 2) + introduction;
                    }
                }
            }

            return available >= required;
        }
    }

    private static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;
}
