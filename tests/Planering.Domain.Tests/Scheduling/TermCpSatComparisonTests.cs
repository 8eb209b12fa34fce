using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;
using Xunit.Abstractions;

namespace Planering.Domain.Tests.Scheduling;

/// <summary>
/// The measurement behind docs/term-scheduling.md, "Why not a general solver": CP-SAT choosing an office's term among
/// candidates the slot search itself found feasible, against the term scheduler, with no second definition of feasibility.
/// <list type="bullet">
/// <item>Candidates: for each huvudman, each day of the term and each advisor pair, <see cref="SlotSearch.Evaluate"/> on the
/// office's calendar as it is before the term (a single trip or a digital dialogue), and for two on-site huvudmän of a län
/// within a tour leg of each other, the two-stop tour the slot search accepts (on to the second the same day, or a night
/// at the first), each huvudman's first <see cref="DaysPerHuvudman"/> feasible days.</item>
/// <item>What CP-SAT knows of their interactions: one dialogue per huvudman, the daily and weekly caps, no advisor in two
/// places at once (travel included), the advisors' nights per month. What it cannot know without a second definition:
/// preparation time before each dialogue (it reaches before and after a date) and the rest of what a fuller calendar does
/// to a candidate.</item>
/// <item>Its choice is then booked in date order through <see cref="SlotSearch.Check"/> (the office's own check); what
/// the check refuses is counted unplaced.</item>
/// </list>
/// CP-SAT runs on one worker under a deterministic time limit, so the figures are the same on a busy machine and a quiet one.
/// </summary>
public sealed class TermCpSatComparisonTests(ITestOutputHelper output)
{
    private const int DaysPerHuvudman = 30;

    // Lexicographic as the term is judged: placed, then months late, then nights, then km.
    private const long UnplacedWeight = 100_000_000;
    private const long MonthLateWeight = 1_000_000;
    private const long NightWeight = 10_000;

    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SchoolHolidayCalendar Lov = SchoolHolidayCalendar.Create(Sweden);
    private static readonly PlanningParameters Parameters = PlanningParameters.Default;
    private static readonly DateOnly From = new(2027, 1, 11);
    private static readonly DateOnly To = new(2027, 6, 11);
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>One candidate: the stops (one, or two of a tour), each with its slot and leg as the slot search gave them.</summary>
    private sealed record Option(IReadOnlyList<(TermHuvudman Huvudman, FoundSlot Slot, TourLeg? Leg)> Stops);

    private sealed record Outcome(int Placed, int Unplaced, int Late, int MonthsLate, double Km, int Nights, int Chosen, int Refused, double Seconds, string Status);

    /// <summary>
    /// The offices compared: Luleå and Härnösand in every test run (seconds); more with
    /// <c>PLANERING_TERM_CPSAT=lulea,harnosand,orebro</c> (Örebro's spring term takes CP-SAT about a minute to optimality).
    /// </summary>
    public static TheoryData<string> Offices()
    {
        var data = new TheoryData<string>();
        foreach (var office in (Environment.GetEnvironmentVariable("PLANERING_TERM_CPSAT") ?? "lulea,harnosand").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            data.Add(office);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Offices))]
    public void Cp_sat_over_the_slot_searchs_own_candidates_against_the_term_scheduler(string officeId)
    {
        var request = TermWorld.Requests(Sweden, WorldSeed.Huvudman(Sweden), Parameters, From, To, Today).Single(r => r.Office.Id == officeId);
        var search = TermWorld.SearchFor(officeId, Parameters, Lov);

        var clock = Stopwatch.StartNew();
        var term = new TermScheduler(search).Schedule(request);
        var termSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var options = Candidates(request, search);
        var generation = clock.Elapsed.TotalSeconds;
        var cp = SolveAndReplay(request, search, options);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{officeId}: {request.Huvudman.Count} due, {options.Count} candidates ({options.Count(o => o.Stops.Count == 2)} tours) in {generation:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  term scheduler: placed {term.Totals.Placed}, late {term.Totals.Late} ({term.Totals.MonthsLate} months), {term.Totals.Km:F0} km, {term.Totals.Nights} nights; {termSeconds:F2} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CP-SAT ({cp.Status}): chose {cp.Chosen}, refused on replay {cp.Refused}; placed {cp.Placed}, late {cp.Late} ({cp.MonthsLate} months), {cp.Km:F0} km, {cp.Nights} nights; solve {cp.Seconds:F1} s + candidates {generation:F1} s"));

        // The candidates are the slot search's: each one, alone on the calendar, passes the office's own check.
        Assert.NotEmpty(options);
        Assert.True(cp.Status is "Optimal" or "Feasible", cp.Status);
        Assert.Equal(request.Huvudman.Count, cp.Placed + cp.Unplaced);
        // The term scheduler decides each slot against the calendar the ones before it made, so it never loses one on the
        // way to the office: whatever CP-SAT's choice loses on replay is what it could not know without a second
        // definition of feasibility. Lateness first: the scheduler places at least as many, no later in months.
        Assert.True(term.Totals.Placed >= cp.Placed, $"term placed {term.Totals.Placed} < CP-SAT {cp.Placed}");
        Assert.True(term.Totals.Placed > cp.Placed || term.Totals.MonthsLate <= cp.MonthsLate,
            $"term {term.Totals.MonthsLate} months late > CP-SAT {cp.MonthsLate} with as many placed");
    }

    /// <summary>Every feasible (day, pair, mode) of each huvudman, and two-stop tours, as the slot search finds them on the calendar before the term.</summary>
    private static List<Option> Candidates(TermRequest request, SlotSearch search)
    {
        var empty = new OfficeSchedule(request.Existing);
        var options = new List<Option>();
        var teams = Pairs(request.Office.Advisors.Select(a => a.AdvisorId).Order(StringComparer.Ordinal).ToList());
        var firstDays = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        foreach (var h in request.Huvudman)
        {
            var days = new List<DateOnly>();
            for (var day = request.From; day <= request.To && days.Count < DaysPerHuvudman; day = day.AddDays(1))
            {
                var query = TermScheduler.QueryFor(request, h, day);
                if (search.DayRule(query, empty, day) is not null)
                {
                    continue;
                }

                var any = false;
                foreach (var team in teams)
                {
                    if (search.Evaluate(query, empty, day, h.Mode, team).Slot is { } slot)
                    {
                        options.Add(new Option([(h, slot, null)]));
                        any = true;
                    }
                }

                if (any)
                {
                    days.Add(day);
                }
            }

            firstDays[h.Huvudman.Id] = days;
        }

        var onSite = request.Huvudman.Where(h => h.Mode == DialogueMode.OnSite).ToList();
        foreach (var a in onSite)
        {
            foreach (var b in onSite.Where(b => b != a && Lan(b) == Lan(a) && a.Huvudman.Position.DistanceKmTo(b.Huvudman.Position) <= TermOptions.Default.MaxLegKm))
            {
                foreach (var day in firstDays[a.Huvudman.Id])
                {
                    foreach (var team in teams)
                    {
                        foreach (var end in new[] { LegEnd.ContinueToday, LegEnd.StayOver })
                        {
                            if (Tour(request, search, empty, a, b, day, team, end) is { } tour)
                            {
                                options.Add(tour);
                            }
                        }
                    }
                }
            }
        }

        return options;
    }

    /// <summary>A two-stop tour as the term scheduler builds one: the first stop's leg onward, the second's from it, each checked by Evaluate.</summary>
    private static Option? Tour(TermRequest request, SlotSearch search, OfficeSchedule schedule, TermHuvudman a, TermHuvudman b, DateOnly day, IReadOnlyList<string> team, LegEnd end)
    {
        var legA = TourLeg.First(end);
        if (search.Evaluate(TermScheduler.QueryFor(request, a, day), schedule, day, DialogueMode.OnSite, team, null, legA).Slot is not { } first)
        {
            return null;
        }

        var nextDay = end == LegEnd.ContinueToday ? day : day.AddDays(1);
        if (nextDay > request.To)
        {
            return null;
        }

        var id = "cand-" + a.Huvudman.Id;
        schedule.Add(TermScheduler.BookingFor(first, a, request.SpsmParticipation, id));
        try
        {
            var legB = new TourLeg(a.Huvudman.Position, a.Huvudman.Kommunkod, end == LegEnd.ContinueToday ? first.EndMinute : null, LegEnd.Home, first.Trip!.Nights);
            return search.Evaluate(TermScheduler.QueryFor(request, b, nextDay), schedule, nextDay, DialogueMode.OnSite, team, null, legB).Slot is { } second
                ? new Option([(a, first, legA), (b, second, legB)])
                : null;
        }
        finally
        {
            schedule.Remove(id);
        }
    }

    private static Outcome SolveAndReplay(TermRequest request, SlotSearch search, List<Option> options)
    {
        var workload = search.Workload.Options;
        var model = new CpModel();
        var x = options.Select((_, i) => model.NewBoolVar($"o{i}")).ToArray();
        var objective = LinearExpr.NewBuilder();
        var existing = new OfficeSchedule(request.Existing);

        // One dialogue per huvudman; an unplaced one costs most.
        foreach (var h in request.Huvudman)
        {
            var mine = options.Select((o, i) => (o, i)).Where(p => p.o.Stops.Any(s => s.Huvudman == h)).Select(p => x[p.i]).ToList();
            var placed = model.NewBoolVar("placed-" + h.Huvudman.Id);
            model.Add(LinearExpr.Sum(mine) == placed);
            objective.AddTerm(placed, -UnplacedWeight);
        }

        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var cost = o.Stops.Sum(s => (MonthLateWeight * MonthsLate(s.Huvudman, s.Slot.Date)) + (NightWeight * (s.Slot.Trip?.Nights ?? 0)) + (long)Math.Round(s.Slot.Trip?.RoadKm ?? 0));
            objective.AddTerm(x[i], cost);
        }

        // The daily and weekly caps, less what the calendar already holds.
        var stops = options.SelectMany((o, i) => o.Stops.Select(s => (s, i))).ToList();
        foreach (var day in stops.GroupBy(p => p.s.Slot.Date))
        {
            model.Add(LinearExpr.Sum(day.Select(p => x[p.i])) <= Math.Max(0, workload.MaxDialoguesPerDay - existing.CountOn(day.Key)));
        }

        foreach (var week in stops.GroupBy(p => (IsoWeeks.WeekYearOf(p.s.Slot.Date), IsoWeeks.WeekOf(p.s.Slot.Date))))
        {
            model.Add(LinearExpr.Sum(week.Select(p => x[p.i])) <= Math.Max(0, workload.MaxDialoguesPerWeek - existing.CountInWeekOf(week.First().s.Slot.Date)));
        }

        // No advisor in two places at once: each stop's time away (dialogue and travel) as an optional interval per advisor.
        var intervals = new Dictionary<string, List<IntervalVar>>(StringComparer.Ordinal);
        var nights = new Dictionary<(string Advisor, int Year, int Month), List<(int Option, int Nights)>>();
        for (var i = 0; i < options.Count; i++)
        {
            foreach (var (h, slot, _) in options[i].Stops)
            {
                var booking = TermScheduler.BookingFor(slot, h, request.SpsmParticipation, "x");
                foreach (var advisor in slot.AdvisorIds)
                {
                    foreach (var day in booking.BusyDays)
                    {
                        var busy = booking.BusyOn(day)!.Value;
                        var start = ((long)day.DayNumber * Trip.MinutesPerDay) + busy.From;
                        var size = Math.Max(1, busy.To - busy.From);
                        if (!intervals.TryGetValue(advisor, out var list))
                        {
                            intervals[advisor] = list = [];
                        }

                        list.Add(model.NewOptionalFixedSizeIntervalVar(start, size, x[i], $"i{i}"));
                    }

                    foreach (var month in slot.Trip?.NightDates.GroupBy(n => (n.Year, n.Month)) ?? [])
                    {
                        var key = (advisor, month.Key.Year, month.Key.Month);
                        if (!nights.TryGetValue(key, out var list))
                        {
                            nights[key] = list = [];
                        }

                        list.Add((i, month.Count()));
                    }
                }
            }
        }

        foreach (var list in intervals.Values)
        {
            model.AddNoOverlap(list);
        }

        var nightsLimit = request.Office.MaxNightsAwayPerAdvisorMonth ?? workload.Trips.MaxNightsAwayPerAdvisorMonth;
        foreach (var ((advisor, year, month), list) in nights)
        {
            var terms = LinearExpr.NewBuilder();
            foreach (var (option, count) in list)
            {
                terms.AddTerm(x[option], count);
            }

            model.Add(terms <= nightsLimit - existing.NightsAway(advisor, year, month));
        }

        model.Minimize(objective);
        var solver = new CpSolver { StringParameters = "max_deterministic_time:20;num_workers:1;random_seed:17" };
        var clock = Stopwatch.StartNew();
        var status = solver.Solve(model);
        var seconds = clock.Elapsed.TotalSeconds;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new Outcome(0, request.Huvudman.Count, 0, 0, 0, 0, 0, 0, seconds, status.ToString());
        }

        // Book the choice in date order through the office's own check: what it refuses is unplaced.
        var chosen = options.Where((_, i) => solver.BooleanValue(x[i])).ToList();
        var schedule = new OfficeSchedule(request.Existing);
        var kept = new List<(TermHuvudman Huvudman, FoundSlot Slot)>();
        var refused = 0;
        foreach (var option in chosen.OrderBy(o => o.Stops[0].Slot.Date).ThenBy(o => o.Stops[0].Slot.StartMinute))
        {
            (TourLeg Leg, DateOnly Date)? skipped = null;
            foreach (var (h, slot, leg) in option.Stops)
            {
                var tried = skipped is { } s && leg is not null ? leg.AfterSkipped(s.Leg, s.Date, slot.Date) : leg;
                var (found, _) = search.Check(TermScheduler.QueryFor(request, h, slot.Date), schedule, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, tried);
                if (found is null)
                {
                    refused++;
                    skipped = tried is null ? null : (tried, slot.Date);
                    continue;
                }

                schedule.Add(TermScheduler.BookingFor(found, h, request.SpsmParticipation, "term-" + h.Huvudman.Id));
                kept.Add((h, found));
            }
        }

        return new Outcome(
            kept.Count, request.Huvudman.Count - kept.Count, kept.Count(k => MonthsLate(k.Huvudman, k.Slot.Date) > 0), kept.Sum(k => MonthsLate(k.Huvudman, k.Slot.Date)),
            kept.Sum(k => k.Slot.Trip?.RoadKm ?? 0), kept.Sum(k => k.Slot.Trip?.Nights ?? 0), chosen.Sum(o => o.Stops.Count), refused, seconds, status.ToString());
    }

    private static int MonthsLate(TermHuvudman h, DateOnly date) => Math.Max(0, (date.Year * 12) + date.Month - ((h.Due.Year * 12) + h.Due.Month));

    private static string Lan(TermHuvudman h) => h.Huvudman.Kommunkod[..2];

    private static List<IReadOnlyList<string>> Pairs(List<string> ids)
    {
        var pairs = new List<IReadOnlyList<string>>();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                pairs.Add([ids[i], ids[j]]);
            }
        }

        return pairs;
    }
}
