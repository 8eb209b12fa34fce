using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Travel;
using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Finds the earliest slot that satisfies every scheduling rule, day by day, never minute by minute: the day rules
/// (weekday, holiday, lov, lead time, cycle, blocked date, caps) are checked first; on a day that passes them, each
/// team of present advisors (<see cref="WorkloadOptions.AdvisorsPerDialogue"/> of them, two by default) has its free
/// intervals (their bookings, travel included, taken out of the working day) intersected, and the first gap long enough for travel + dialogue + travel is taken, aligned to
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
                var (slot, modeFailure) = EarliestOnDay(query, schedule, date, mode, fixedAdvisors: null, fixedStart: null, leg: null);
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
    public (FoundSlot? Slot, RejectionCode? Rejection) Check(
        SlotQuery query, OfficeSchedule schedule, DateOnly date, int startMinute, DialogueMode mode, IReadOnlyList<string> advisorIds, TourLeg? leg = null) =>
        Evaluate(query, schedule, date, mode, advisorIds, startMinute, leg);

    /// <summary>
    /// The earliest time for a group's digital introduction meeting, day by day from <see cref="IntroductionQuery.Earliest"/>
    /// within the horizon (see <see cref="EvaluateIntroduction"/> for the rules).
    /// </summary>
    public IntroductionSearchResult FindIntroduction(IntroductionQuery query, OfficeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schedule);
        var tally = new RejectionTally();
        var examined = 0;
        for (var date = query.Earliest; date <= query.Earliest.AddDays(query.HorizonDays - 1); date = date.AddDays(1))
        {
            examined++;
            var (slot, rejection) = EvaluateIntroduction(query, schedule, date);
            if (slot is not null)
            {
                return new IntroductionSearchResult(slot, tally.Summaries, examined);
            }

            tally.Add(rejection!.Value, date);
        }

        return new IntroductionSearchResult(null, tally.Summaries, examined);
    }

    /// <summary>
    /// A group's introduction on one day, as a digital event of <see cref="WorkloadOptions.StartMeetingHours"/> held by
    /// <see cref="WorkloadOptions.StartMeetingAdvisors"/> advisors: the day rules of a dialogue for every huvudman of the
    /// group (working day, public holiday, each one's lov and blocked dates, the lead time) but not the cycle spacing
    /// (the meeting opens the cycle's dialogue) nor the office's dialogue caps (they count dialogues); then a team of
    /// present advisors with a common free stretch within office hours, found as a digital dialogue's is (their
    /// dialogues, trips and other meetings taken out). With <paramref name="advisorIds"/> and
    /// <paramref name="startMinute"/>, exactly that choice. Answers the earliest start on the day, or the rule that closes it.
    /// </summary>
    public (FoundIntroduction? Slot, RejectionCode? Rejection) EvaluateIntroduction(
        IntroductionQuery query, OfficeSchedule schedule, DateOnly date, IReadOnlyList<string>? advisorIds = null, int? startMinute = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schedule);
        var length = (int)Math.Round(Workload.Options.StartMeetingHours * 60);
        var (dayStart, dayEnd) = (Minutes(WorkingTime.Hours.DayStart), Minutes(WorkingTime.DayEndOn(date)));
        if (startMinute is { } fixedStart && length <= dayEnd - dayStart && (fixedStart < dayStart || fixedStart + length > dayEnd))
        {
            return (null, RejectionCode.OutsideOfficeHours);
        }

        var leadDate = Workload.EarliestDialogueDate(query.Today, WorkingTime);
        foreach (var huvudman in query.Huvudman)
        {
            // The dialogue's day rules, asked for each huvudman of the group; the cycle spacing and the caps do not apply.
            var asked = new SlotQuery(huvudman with { LastDialogueDate = null }, query.Office, [DialogueMode.Digital], date, 1, false, query.Today);
            if (DayRejection(asked, schedule, date, leadDate) is { Code: not (RejectionCode.DailyCap or RejectionCode.WeeklyCap) } dayRule)
            {
                return (null, dayRule.Code);
            }
        }

        if (length == 0 || length > dayEnd - dayStart)
        {
            return (null, RejectionCode.OutsideOfficeHours);
        }

        var team = Workload.Options.StartMeetingAdvisors;
        var present = query.Office.Advisors.Where(a => a.IsOnDuty(date)).OrderBy(a => a.AdvisorId, StringComparer.Ordinal).ToList();
        if (advisorIds is not null)
        {
            if (advisorIds.Count != team || advisorIds.Distinct(StringComparer.Ordinal).Count() != team || !advisorIds.All(id => present.Any(a => a.AdvisorId == id)))
            {
                return (null, RejectionCode.AdvisorAbsent);
            }

            present = present.Where(a => advisorIds.Contains(a.AdvisorId)).ToList();
        }

        if (team < 1 || present.Count < team)
        {
            return (null, RejectionCode.AdvisorAbsent);
        }

        var window = new MinuteInterval(dayStart, dayEnd);
        var free = present.Select(a => MinuteInterval.Free(window, schedule.BusyIntervals(a.AdvisorId, date))).ToList();
        (Placement Place, int[] Members)? best = null;
        foreach (var members in Teams(present.Count, team))
        {
            var together = free[members[0]];
            for (var m = 1; m < members.Length; m++)
            {
                together = MinuteInterval.Intersect(together, free[members[m]]);
            }

            if (PlaceSameDay(null, together, length, dayStart, dayEnd, date, startMinute) is { } place && (best is null || place.Start < best.Value.Place.Start))
            {
                best = (place, members);
            }
        }

        if (best is not { } chosen)
        {
            return (null, RejectionCode.AdvisorsBusy);
        }

        var (start, end) = (chosen.Place.Start, chosen.Place.Start + length);
        return (new FoundIntroduction(
            query.Office.Id, date, start, end, chosen.Members.Select(m => present[m].AdvisorId).ToList(),
            StockholmTime.ToUtc(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start))),
            StockholmTime.ToUtc(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end)))), null);
    }

    /// <summary>
    /// The one definition of feasibility of a candidate: a day and a mode, and optionally the two advisors, the start and
    /// the leg of a tour (see <see cref="TourLeg"/>). Answers the earliest slot on that day that keeps every rule (exactly
    /// the given start when one is given), or the rule that closes it. <see cref="FindEarliest"/>, <see cref="Check"/>
    /// (the office's booking) and the term scheduler all decide through it.
    /// </summary>
    public (FoundSlot? Slot, RejectionCode? Rejection) Evaluate(
        SlotQuery query, OfficeSchedule schedule, DateOnly date, DialogueMode mode, IReadOnlyList<string>? advisorIds = null, int? startMinute = null, TourLeg? leg = null)
    {
        if (leg is not null && mode != DialogueMode.OnSite)
        {
            return (null, RejectionCode.Travel);
        }

        if (startMinute is { } fixedStart && OutsideHours(query, date, fixedStart, mode, leg))
        {
            return (null, RejectionCode.OutsideOfficeHours);
        }

        var leadDate = Workload.EarliestDialogueDate(query.Today, WorkingTime);
        if (DayRejection(query, schedule, date, leadDate) is { } dayRule)
        {
            return (null, dayRule.Code);
        }

        var (slot, failure) = EarliestOnDay(query, schedule, date, mode, advisorIds, startMinute, leg);
        return slot is null ? (null, failure) : (slot, null);
    }

    /// <summary>
    /// The day rules alone (working day, holiday, lov, lead time, cycle, blocked date, the daily and weekly caps): the first
    /// part of <see cref="Evaluate"/>, for a caller that prunes candidate days before asking the whole question. A day
    /// this closes, Evaluate closes on the same calendar, and on any fuller one (the caps only grow).
    /// </summary>
    public RejectionCode? DayRule(SlotQuery query, OfficeSchedule schedule, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schedule);
        return DayRejection(query, schedule, date, Workload.EarliestDialogueDate(query.Today, WorkingTime))?.Code;
    }

    private bool OutsideHours(SlotQuery query, DateOnly date, int startMinute, DialogueMode mode, TourLeg? leg)
    {
        // A start chosen at 03:00 is not "taken" (a full day would say so): no advisor could ever hold it, whatever the
        // calendar, so it breaks a rule before anything else is looked at.
        // (A dialogue that fits no working day at all is the travel rule's, below.)
        // A trip with nights away keeps only the dialogue itself within office hours.
        var (_, trip, length) = Span(query, mode);
        var (dayStart, dayEnd) = (Minutes(WorkingTime.Hours.DayStart), Minutes(WorkingTime.DayEndOn(date)));
        var (travelOut, travelBack) = trip is { Shape: TripShape.SameDay, Ferry: null } ? (trip.Out.RoadMinutesBefore, trip.Back.RoadMinutesBefore) : (0, 0);
        if (leg is not null)
        {
            // A leg's travel is placed around the dialogue by the leg's own rules; the dialogue itself keeps to the hours.
            (travelOut, travelBack) = (0, 0);
        }

        return trip is not { Shape: TripShape.Unreachable } && length <= dayEnd - dayStart
            && (startMinute - travelOut < dayStart || startMinute + length + travelBack > dayEnd);
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
        // A trip with a night away opens the day wherever the office is, so it says nothing of the others.
        return query.Modes is [DialogueMode.OnSite] && slot.Trip is { Nights: 0, Ferry: null } trip && slot.StartMinute == dayStart + (trip.OutToMinute - trip.OutFromMinute)
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

        if (schoolHolidays.IsSchoolHoliday(query.Huvudman.Kommunkod, query.Huvudman.Id, date, out var lov))
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

    /// <summary>What the dialogue costs, how it is travelled (null when digital) and its minutes.</summary>
    private (DialogueEffort Effort, TripPlan? Trip, int Length) Span(SlotQuery query, DialogueMode mode)
    {
        var distanceKm = query.Huvudman.Position.DistanceKmTo(query.Office.Position);
        var effort = Workload.Estimate(query.Huvudman.Pupils, mode, Math.Min(distanceKm, WorkloadModel.MaxDistanceKm), query.SpsmParticipation);
        var length = (int)Math.Round(effort.DialogueHours * 60);
        return mode == DialogueMode.OnSite
            ? (effort, Workload.Trips.Plan(query.Office.Position, query.Huvudman.Position, query.Huvudman.Kommunkod, length, WorkingTime.Hours), length)
            : (effort, null, length);
    }

    /// <summary>The ways a dialogue of this shape can be placed on a day, in the order tried (fewest nights, earliest start).</summary>
    private static TripVariant[] Variants(TripPlan? trip) => trip?.Shape switch
    {
        null or TripShape.SameDay => [TripVariant.SameDay],
        TripShape.OneNight => [TripVariant.NightBefore, TripVariant.NightAfter],
        TripShape.TwoNights => [TripVariant.NightsBeforeAndAfter],
        _ => [],
    };

    private (FoundSlot? Slot, RejectionCode Failure) EarliestOnDay(
        SlotQuery query, OfficeSchedule schedule, DateOnly date, DialogueMode mode, IReadOnlyList<string>? fixedAdvisors, int? fixedStart, TourLeg? leg)
    {
        var (effort, trip, length) = Span(query, mode);
        if (schedule.IntroductionServing(query.Huvudman.Id, date, query.Huvudman.CycleMonths ?? Workload.Options.CycleMonths) is not null)
        {
            // Its group's introduction is booked in the calendar, where its advisors' time is counted: one count, not two.
            effort = effort with { StartMeetingAdvisorHours = 0 };
        }

        var dayStart = Minutes(WorkingTime.Hours.DayStart);
        var dayEnd = Minutes(WorkingTime.DayEndOn(date));
        if (length > dayEnd - dayStart || trip is { Shape: TripShape.Unreachable })
        {
            return (null, RejectionCode.Travel);
        }

        var team = Math.Max(1, Workload.Options.AdvisorsPerDialogue);
        var present = query.Office.Advisors
            .Where(a => a.IsOnDuty(date))
            .OrderBy(a => a.AdvisorId, StringComparer.Ordinal)
            .ToList();
        if (fixedAdvisors is not null)
        {
            if (fixedAdvisors.Count != team || fixedAdvisors.Distinct(StringComparer.Ordinal).Count() != team
                || !fixedAdvisors.All(id => present.Any(a => a.AdvisorId == id)))
            {
                return (null, RejectionCode.AdvisorAbsent);
            }

            present = present.Where(a => fixedAdvisors.Contains(a.AdvisorId)).ToList();
        }

        if (present.Count < team)
        {
            return (null, RejectionCode.AdvisorAbsent);
        }

        var window = new MinuteInterval(dayStart, dayEnd);
        var freeCache = new Dictionary<(int Advisor, DateOnly Day), List<MinuteInterval>>();
        List<MinuteInterval> Free(int advisor, DateOnly day)
        {
            if (!freeCache.TryGetValue((advisor, day), out var free))
            {
                freeCache[(advisor, day)] = free = MinuteInterval.Free(window, schedule.BusyIntervals(present[advisor].AdvisorId, day));
            }

            return free;
        }

        // The free time the whole team shares on a day.
        List<MinuteInterval> Together(int[] members, DateOnly day)
        {
            var together = Free(members[0], day);
            for (var m = 1; m < members.Length; m++)
            {
                together = MinuteInterval.Intersect(together, Free(members[m], day));
            }

            return together;
        }

        var teams = Teams(present.Count, team);
        var failure = RejectionCode.AdvisorsBusy;
        var nightsLimit = query.Office.MaxNightsAwayPerAdvisorMonth ?? Workload.Options.Trips.MaxNightsAwayPerAdvisorMonth;
        (TravelLeg Out, TravelLeg Home)? legTravel = leg is null ? null : LegTravel(query, leg);
        foreach (var variant in leg is null ? Variants(trip) : [TripVariant.Leg])
        {
            var before = date.AddDays(-1);
            var after = date.AddDays(1);
            var needsBefore = variant is TripVariant.NightBefore or TripVariant.NightsBeforeAndAfter;
            var needsAfter = variant is TripVariant.NightAfter or TripVariant.NightsBeforeAndAfter;
            (Placement Place, int[] Members)? best = null;
            foreach (var members in teams)
            {
                if ((needsBefore && !IsTravelDay(before, members)) || (needsAfter && !IsTravelDay(after, members)))
                {
                    failure = Max(failure, RejectionCode.TravelDay);
                    continue;
                }

                var together = Together(members, date);
                var crew = members;
                var place = variant switch
                {
                    TripVariant.Leg => PlaceLeg(leg!, legTravel!.Value, together, day => Together(crew, day), day => IsTravelDay(day, crew),
                        length, dayStart, dayEnd, date, fixedStart, Workload.Options.Trips.MaxNightsPerTrip),
                    TripVariant.SameDay => PlaceSameDay(trip, together, length, dayStart, dayEnd, date, fixedStart),
                    _ => PlaceOvernight(variant, trip!, together,
                        needsBefore ? Together(members, before) : [],
                        needsAfter ? Together(members, after) : [],
                        length, dayStart, dayEnd, date, fixedStart),
                };
                if (place is not { } p || (best is { } b && p.Start >= b.Place.Start))
                {
                    continue;
                }

                if (p.Trip is { Nights: > 0 } t && !members.All(m => WithinNights(schedule, present[m], t, nightsLimit)))
                {
                    failure = Max(failure, RejectionCode.NightsLimit);
                    continue;
                }

                if (!CanPrepare(query, schedule, date, effort.HoursBefore, members.Select(m => present[m]).ToList()))
                {
                    failure = Max(failure, RejectionCode.Preparation);
                    continue;
                }

                best = (p, members);
            }

            if (best is not { } chosen)
            {
                continue;
            }

            var (start, end, travel) = (chosen.Place.Start, chosen.Place.Start + length, chosen.Place.Trip);
            var travelMinutes = travel?.TravelMinutes ?? 0;
            var slot = new FoundSlot(
                query.Office.Id, date, start, end, mode, chosen.Members.Select(m => present[m].AdvisorId).ToList(),
                effort with
                {
                    TravelHoursOneWay = travelMinutes / 120.0,
                    NightsAway = travel?.Nights ?? 0,
                    TravelKmRoundTrip = travel?.RoadKm ?? 0,
                },
                (travelMinutes + 1) / 2,
                WorkingTime.AddWorkingDays(date, -1),
                StockholmTime.ToUtc(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start))),
                StockholmTime.ToUtc(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end))),
                travel);
            return (slot, RejectionCode.AdvisorsBusy);
        }

        return (null, failure);

        bool IsTravelDay(DateOnly day, int[] members) => WorkingTime.IsWorkingDay(day) && members.All(m => present[m].IsOnDuty(day));
    }

    /// <summary>
    /// Every team of <paramref name="size"/> of the <paramref name="count"/> present advisors, in lexicographic order of
    /// their (id-sorted) indices, so with two per dialogue the pairs come as (0,1), (0,2), …, (1,2), …
    /// </summary>
    private static List<int[]> Teams(int count, int size)
    {
        var teams = new List<int[]>();
        var members = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            teams.Add((int[])members.Clone());
            var k = size - 1;
            while (k >= 0 && members[k] == count - size + k)
            {
                k--;
            }

            if (k < 0)
            {
                return teams;
            }

            members[k]++;
            for (var j = k + 1; j < size; j++)
            {
                members[j] = members[j - 1] + 1;
            }
        }
    }

    /// <summary>
    /// A digital dialogue, or a trip there and back on the day: the first aligned departure in the common free time that
    /// leaves room for the dialogue and the way home; with a fixed start, whether exactly that start fits.
    /// </summary>
    private static Placement? PlaceSameDay(TripPlan? trip, List<MinuteInterval> together, int length, int dayStart, int dayEnd, DateOnly date, int? fixedStart)
    {
        foreach (var gap in together)
        {
            if (trip is null)
            {
                var from = fixedStart ?? dayStart + RoundUp(gap.From - dayStart, GranularityMinutes);
                if (from >= gap.From && from + length <= gap.To)
                {
                    return new Placement(from, null);
                }

                continue;
            }

            SameDayTrip? found;
            if (fixedStart is { } s)
            {
                found = trip.Out.LatestDepartureArrivingBy(s) is { } leave && trip.Out.ArrivalLeavingAt(leave) == s
                    && trip.Back.ArrivalLeavingAt(s + length) is { } home
                    ? new SameDayTrip(leave, s, s + length, home)
                    : null;
            }
            else
            {
                found = TripPlanner.SameDay(trip.Out, trip.Back, length, gap.From, dayStart, gap.To);
            }

            if (found is { } f && f.Departure >= gap.From && f.Home <= gap.To && f.Home <= dayEnd)
            {
                return new Placement(f.DialogueStart, new Trip(date, f.Departure, f.DialogueStart, date, f.DialogueEnd, f.Home, trip.RoadKmRoundTrip, trip.Ferry));
            }
        }

        return null;
    }

    /// <summary>
    /// A trip with nights away. Out the day before: the latest departure that arrives by the end of that working day, the
    /// advisors free from then on, the dialogue opening the day. Home the day after: leaving at the start of that working day.
    /// Out the same day (home the day after): the first aligned departure in the free time that runs to the end of the day.
    /// </summary>
    private static Placement? PlaceOvernight(
        TripVariant variant, TripPlan trip, List<MinuteInterval> onDay, List<MinuteInterval> onBefore, List<MinuteInterval> onAfter,
        int length, int dayStart, int dayEnd, DateOnly date, int? fixedStart)
    {
        int outFrom, outTo, start;
        var outDate = date;
        if (variant is TripVariant.NightBefore or TripVariant.NightsBeforeAndAfter)
        {
            if (trip.Out.LatestDepartureArrivingBy(dayEnd) is not { } leave || leave < dayStart || trip.Out.ArrivalLeavingAt(leave) is not { } arrive
                || !Covers(onBefore, leave, dayEnd))
            {
                return null;
            }

            (outDate, outFrom, outTo, start) = (date.AddDays(-1), leave, arrive, dayStart);
        }
        else
        {
            // Away from the departure to the end of the day: only the last free stretch of the day can hold it.
            if (onDay.Count == 0 || onDay[^1].To < dayEnd)
            {
                return null;
            }

            var gap = onDay[^1];
            var depart = fixedStart is { } s ? trip.Out.LatestDepartureArrivingBy(s) : dayStart + RoundUp(gap.From - dayStart, GranularityMinutes);
            if (depart is not { } d || trip.Out.ArrivalLeavingAt(d) is not { } arrive)
            {
                return null;
            }

            var leave = trip.Out.LatestDepartureArrivingBy(arrive) ?? d;
            if (Math.Max(leave, d) < gap.From)
            {
                return null;
            }

            (outFrom, outTo, start) = (Math.Max(leave, d), arrive, arrive);
        }

        if ((fixedStart is { } fixedAt && fixedAt != start) || start + length > dayEnd)
        {
            return null;
        }

        var end = start + length;
        if (variant == TripVariant.NightBefore)
        {
            // Home the same day: away from the start of the day until back.
            if (trip.Back.ArrivalLeavingAt(end) is not { } home || home > dayEnd || !Covers(onDay, dayStart, home))
            {
                return null;
            }

            return new Placement(start, new Trip(outDate, outFrom, outTo, date, end, home, trip.RoadKmRoundTrip, trip.Ferry));
        }

        // Home the working day after, leaving at its start; on the dialogue's day the advisors are away until its end.
        if (trip.Back.ArrivalLeavingAt(dayStart) is not { } back || back > dayEnd || !Covers(onAfter, dayStart, back)
            || !Covers(onDay, variant == TripVariant.NightAfter ? outFrom : dayStart, dayEnd))
        {
            return null;
        }

        return new Placement(start, new Trip(outDate, outFrom, outTo, date.AddDays(1), dayStart, back, trip.RoadKmRoundTrip, trip.Ferry));
    }

    /// <summary>A leg's ways: out from the office or from the previous stop, and home to the office.</summary>
    private (TravelLeg Out, TravelLeg Home) LegTravel(SlotQuery query, TourLeg leg)
    {
        var (fromOffice, home) = Workload.Trips.Legs(query.Office.Position, query.Huvudman.Position, query.Huvudman.Kommunkod);
        return leg.From is { } previous
            ? (Workload.Trips.Legs(previous, query.Huvudman.Position, query.Huvudman.Kommunkod).Out, home)
            : (fromOffice, home);
    }

    /// <summary>
    /// A dialogue of a tour (see <see cref="TourLeg"/>). Out: from the office on the day (the first aligned departure in the
    /// free time) or, when that does not reach the huvudman in time, the working day before (the dialogue opening the day);
    /// from a stop on the same day, leaving when its dialogue ended; from a stop where the advisors slept, at the start of
    /// the day. After: home the same day or the next working morning, on to the next stop the same day (away until the
    /// dialogue ends), or a night here (away until midnight; the next day must be a working day for both). The whole
    /// tour keeps to <paramref name="maxNights"/>.
    /// </summary>
    private static Placement? PlaceLeg(
        TourLeg leg, (TravelLeg Out, TravelLeg Home) travel, List<MinuteInterval> onDay, Func<DateOnly, List<MinuteInterval>> together,
        Func<DateOnly, bool> isTravelDay, int length, int dayStart, int dayEnd, DateOnly date, int? fixedStart, int maxNights)
    {
        var (outLeg, homeLeg) = travel;
        DateOnly outDate = date;
        int depart, arrive;
        if (leg.From is null)
        {
            var gapFrom = onDay.Count > 0 ? onDay[0].From : dayEnd;
            var leave = fixedStart is { } s0 ? outLeg.LatestDepartureArrivingBy(s0) : dayStart + RoundUp(Math.Max(gapFrom, dayStart) - dayStart, GranularityMinutes);
            if (leave is { } l && l >= dayStart && outLeg.ArrivalLeavingAt(l) is { } a && a + length <= dayEnd)
            {
                (depart, arrive) = (l, a);
            }
            else
            {
                // Out by the end of the working day before; the dialogue opens the day.
                var before = date.AddDays(-1);
                if (outLeg.LatestDepartureArrivingBy(dayEnd) is not { } lb || lb < dayStart || outLeg.ArrivalLeavingAt(lb) is not { } ab
                    || !isTravelDay(before) || !Covers(together(before), lb, dayEnd))
                {
                    return null;
                }

                (outDate, depart, arrive) = (before, lb, ab);
            }
        }
        else
        {
            var leave = leg.DepartAfterMinute ?? dayStart;
            if (outLeg.ArrivalLeavingAt(leave) is not { } a)
            {
                return null;
            }

            (depart, arrive) = (leave, a);
        }

        var ready = outDate < date ? dayStart : Math.Max(arrive, dayStart);
        var start = fixedStart ?? dayStart + RoundUp(ready - dayStart, GranularityMinutes);
        if (start < ready || start + length > dayEnd)
        {
            return null;
        }

        if (leg.From is null && outDate == date && outLeg.LatestDepartureArrivingBy(start) is { } later && later > depart
            && outLeg.ArrivalLeavingAt(later) is { } laterArrival)
        {
            // Leave as late as still arrives by the start: a booking of this start finds the same trip.
            (depart, arrive) = (later, laterArrival);
        }

        var end = start + length;
        var awayFrom = outDate < date ? dayStart : depart;
        DateOnly backDate;
        int backFrom, backTo;
        switch (leg.End)
        {
            case LegEnd.ContinueToday:
                (backDate, backFrom, backTo) = (date, end, end);
                break;
            case LegEnd.StayOver:
                if (!isTravelDay(date.AddDays(1)))
                {
                    return null;
                }

                (backDate, backFrom, backTo) = (date.AddDays(1), 0, 0);
                break;
            default:
                if (homeLeg.ArrivalLeavingAt(end) is { } home && home <= dayEnd)
                {
                    (backDate, backFrom, backTo) = (date, end, home);
                }
                else if (homeLeg.ArrivalLeavingAt(dayStart) is { } back && back <= dayEnd && isTravelDay(date.AddDays(1))
                    && Covers(together(date.AddDays(1)), dayStart, back))
                {
                    (backDate, backFrom, backTo) = (date.AddDays(1), dayStart, back);
                }
                else
                {
                    return null;
                }

                break;
        }

        var awayTo = backDate > date ? dayEnd : backTo;
        var nights = backDate.DayNumber - outDate.DayNumber;
        if (leg.NightsBefore + nights > maxNights || !Covers(onDay, Math.Max(awayFrom, dayStart), Math.Min(awayTo, dayEnd)))
        {
            return null;
        }

        var km = outLeg.RoadKm + (leg.End == LegEnd.Home ? homeLeg.RoadKm : 0);
        var ferry = outLeg.Ferry?.Route ?? (leg.End == LegEnd.Home ? homeLeg.Ferry?.Route : null);
        return new Placement(start, new Trip(outDate, depart, arrive, backDate, backFrom, backTo, km, ferry));
    }

    /// <summary>True when one free interval holds the whole of [from, to).</summary>
    private static bool Covers(List<MinuteInterval> free, int from, int to) => free.Any(g => g.From <= from && g.To >= to);

    private static bool WithinNights(OfficeSchedule schedule, Advisor advisor, Trip trip, int limit) =>
        trip.NightDates.GroupBy(n => (n.Year, n.Month))
            .All(month => schedule.NightsAway(advisor.AdvisorId, month.Key.Year, month.Key.Month) + month.Count() <= limit);

    private static RejectionCode Max(RejectionCode a, RejectionCode b) => a > b ? a : b;

    /// <summary>
    /// Each advisor of the team must have, in the working days of the lead-time window before the dialogue, working
    /// hours (lunch out, shortened days applied, scaled by FTE, less their dialogues and travel on those days) for their
    /// share of this dialogue's desk work before it (preparation, introduction share, SPSM coordination), of the desk work
    /// of their other dialogues whose windows overlap this one, and of the feedback meetings of their earlier dialogues
    /// that fall in the window (the follow-up takes advisor time after a dialogue).
    /// </summary>
    private bool CanPrepare(SlotQuery query, OfficeSchedule schedule, DateOnly date, double hoursBefore, List<Advisor> team)
    {
        var options = Workload.Options;
        var windowStart = Workload.PreparationStart(date, WorkingTime);
        var overlapEnd = WorkingTime.AddWorkingDays(date, options.PreparationLeadWorkingDays);
        var followUpFrom = WorkingTime.AddWorkingDays(windowStart, -options.FollowUpWorkingDaysAfter);
        var followUp = Workload.FollowUpHoursPerAdvisor;
        return team.All(Enough);

        bool Enough(Advisor advisor)
        {
            var available = 0.0;
            var required = hoursBefore / team.Count;
            for (var day = followUpFrom; day <= overlapEnd; day = day.AddDays(1))
            {
                var bookings = schedule.BookingsOf(advisor.AdvisorId, day);
                if (day < windowStart)
                {
                    // An earlier dialogue whose feedback meeting falls inside this window.
                    if (followUp > 0 && bookings.Count > 0 && WorkingTime.AddWorkingDays(day, options.FollowUpWorkingDaysAfter) is var meeting
                        && meeting >= windowStart && meeting < date)
                    {
                        required += followUp * bookings.Count(x => x.Date == day && x.HuvudmanId != query.Huvudman.Id);
                    }

                    continue;
                }

                if (day < date && WorkingTime.IsWorkingDay(day) && advisor.IsOnDuty(day))
                {
                    available += (WorkingTime.WorkingHoursOf(day) * advisor.DayFraction) - bookings.Sum(x => AwayWithinHours(x.BusyOn(day)!.Value, day) / 60.0)
                        - schedule.IntroductionsOf(advisor.AdvisorId, day).Sum(m => AwayWithinHours(m.Busy, day) / 60.0);
                }

                foreach (var other in bookings)
                {
                    // A trip is listed on each of its days; its preparation counts once, on the dialogue's.
                    if (other.Date == day && other.HuvudmanId != query.Huvudman.Id)
                    {
                        // Another dialogue's desk work is split over its own team.
                        var share = 1.0 / Math.Max(1, other.AdvisorIds.Count);
                        // Its share of an introduction, unless the meeting is booked (then its hours are taken above).
                        var introduction = schedule.IntroductionServing(other.HuvudmanId, other.Date, Workload.Options.CycleMonths) is null ? Workload.StartMeetingAdvisorHours : 0;
                        required += (other.PreparationHours * share) + (introduction * share);
                    }
                }
            }

            return available >= required;
        }
    }

    /// <summary>The minutes of an away interval that fall in working hours (a night away costs no working time).</summary>
    private int AwayWithinHours(MinuteInterval away, DateOnly day) =>
        Math.Max(0, Math.Min(away.To, Minutes(WorkingTime.DayEndOn(day))) - Math.Max(away.From, Minutes(WorkingTime.Hours.DayStart)));

    private static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;

    /// <summary>Where a dialogue goes on a day, and its trip.</summary>
    private readonly record struct Placement(int Start, Trip? Trip);

    private enum TripVariant
    {
        SameDay,
        NightBefore,
        NightAfter,
        NightsBeforeAndAfter,

        /// <summary>A dialogue of a tour: its travel follows its <see cref="TourLeg"/>.</summary>
        Leg,
    }

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;
}
