using System.Diagnostics;
using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;
using Xunit.Abstractions;

namespace Planering.Domain.Tests.Scheduling;

public sealed class TermSchedulerTests(ITestOutputHelper output)
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SchoolHolidayCalendar Lov = SchoolHolidayCalendar.Create(Sweden);
    private static readonly PlanningParameters Parameters = PlanningParameters.Default;

    // Two huvudmän in Kiruna and one in Gällivare: Kiruna takes a night away from Luleå alone.
    private static readonly string[] Inland = ["2584", "2584", "2523"];

    // The spring term 2027, proposed in December 2026.
    private static readonly DateOnly From = new(2027, 1, 11);
    private static readonly DateOnly To = new(2027, 6, 11);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static IReadOnlyList<TermRequest> Spring() => TermWorld.Requests(Sweden, WorldSeed.Huvudman(Sweden), Parameters, From, To, Today);

    private static (TermSchedule Term, TermSchedule OneByOne, SlotSearch Search) Run(TermRequest request)
    {
        var search = TermWorld.SearchFor(request.Office.Id, Parameters, Lov);
        var scheduler = new TermScheduler(search);
        return (scheduler.Schedule(request), scheduler.OneAtATime(request), search);
    }

    /// <summary>Every proposed slot, checked by the slot search's own check against the office's calendar holding all the others.</summary>
    private static List<string> Replay(TermRequest request, TermSchedule term, SlotSearch search)
    {
        // In the proposal's booking order, each against the calendar the office holds when it comes to book it.
        var placed = term.Placements.Where(p => p.Slot is not null).OrderBy(p => p.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, placed.Count), placed.Select(p => p.Sequence));
        var schedule = new OfficeSchedule(request.Existing);
        var failures = new List<string>();
        foreach (var p in placed)
        {
            var id = "term-" + p.Huvudman.Huvudman.Id;
            var slot = p.Slot!;
            var (found, rejection) = search.Check(TermScheduler.QueryFor(request, p.Huvudman, slot.Date), schedule, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, p.Leg);
            if (found is null)
            {
                failures.Add($"{request.Office.Id} {p.Huvudman.Huvudman.Id} {slot.Date:yyyy-MM-dd} {slot.StartMinute} {slot.Mode}: {rejection}");
            }
            else if (found.Trip != slot.Trip || found.EndMinute != slot.EndMinute)
            {
                failures.Add($"{request.Office.Id} {p.Huvudman.Huvudman.Id}: the check found another trip {found.Trip} than proposed {slot.Trip}");
            }

            schedule.Add(TermScheduler.BookingFor(slot, p.Huvudman, false, id));
        }

        return failures;
    }

    [Fact]
    public void Kiruna_and_Gallivare_share_a_tour_with_fewer_km_and_fewer_nights_than_three_trips()
    {
        var lulea = Sweden.Offices.Single(o => o.OfficeId == "lulea");
        var office = new SchedulingOffice("lulea", lulea.Position, WorldSeed.DefaultAdvisors("lulea", 4));
        var stops = Inland.Select((k, i) => new TermHuvudman(
            new SchedulingHuvudman($"h-{k}-{i}", k, k, Sweden.Kommun(k).Position, 400, null, new HashSet<DateOnly>()), DialogueMode.OnSite, From)).ToList();
        var request = new TermRequest(office, From, To, Today, stops, []);
        var (term, oneByOne, search) = Run(request);

        Assert.All(term.Placements, p => Assert.NotNull(p.Slot));
        var trip = term.Trips.MaxBy(t => t.HuvudmanIds.Count)!;
        Assert.True(trip.HuvudmanIds.Count >= 2, $"no tour: {term.Totals} vs {oneByOne.Totals}");
        Assert.True(trip.Nights <= Parameters.Workload.Trips.MaxNightsPerTrip);
        Assert.True(term.Totals.Nights < oneByOne.Totals.Nights, $"tour {term.Totals.Nights} nights, one at a time {oneByOne.Totals.Nights}");
        Assert.True(term.Totals.Km < oneByOne.Totals.Km, $"tour {term.Totals.Km:F0} km, one at a time {oneByOne.Totals.Km:F0} km");
        Assert.True(term.Totals.Km >= term.Bound.Km - 1e-6);
        Assert.Empty(Replay(request, term, search));
        output.WriteLine($"tour {trip.FirstDay}..{trip.LastDay} {trip.Nights} nights {trip.Km:F0} km; one at a time {oneByOne.Totals.Km:F0} km {oneByOne.Totals.Nights} nights");
    }

    // Far from the office: each needs a night away alone (Kalmar and Nybro from Malmö, Kiruna from Luleå).
    [Theory]
    [InlineData("malmo", "0880,0880,0881")]
    [InlineData("lulea", "2584,2584,2584")]
    public void Three_far_huvudman_due_together_spend_fewer_nights_on_a_tour_than_booked_one_at_a_time(string officeId, string kommuner)
    {
        var site = Sweden.Offices.Single(o => o.OfficeId == officeId);
        var office = new SchedulingOffice(officeId, site.Position, WorldSeed.DefaultAdvisors(officeId, WorldSeed.DefaultAdvisorCount(officeId)));
        var stops = kommuner.Split(',').Select((k, i) => new TermHuvudman(
            new SchedulingHuvudman($"h-{k}-{i}", k, k, Sweden.Kommun(k).Position, 400, null, new HashSet<DateOnly>()), DialogueMode.OnSite, From)).ToList();
        var request = new TermRequest(office, From, To, Today, stops, []);
        var (term, oneByOne, search) = Run(request);

        Assert.All(oneByOne.Placements, p => Assert.True(p.Slot!.Trip!.Nights >= 1, $"{p.Huvudman.Huvudman.Id} needs no night alone"));
        Assert.All(term.Placements, p => Assert.NotNull(p.Slot));
        Assert.Equal(oneByOne.Totals.Late, term.Totals.Late);
        Assert.True(term.Totals.Nights < oneByOne.Totals.Nights, $"tour {term.Totals.Nights} nights, one at a time {oneByOne.Totals.Nights}");
        Assert.True(term.Totals.Km < oneByOne.Totals.Km, $"tour {term.Totals.Km:F0} km, one at a time {oneByOne.Totals.Km:F0} km");
        Assert.Empty(Replay(request, term, search));
        output.WriteLine($"{officeId}: {term.Totals.Nights} nights {term.Totals.Km:F0} km on {term.Totals.Trips} trips; one at a time {oneByOne.Totals.Nights} nights {oneByOne.Totals.Km:F0} km");
    }

    [Fact]
    public void A_term_plans_around_the_introduction_meetings_booked_in_the_office_calendar()
    {
        // Every advisor of the office sits in introduction meetings all day for the term's first two weeks.
        var lulea = Sweden.Offices.Single(o => o.OfficeId == "lulea");
        var advisors = WorldSeed.DefaultAdvisors("lulea", 4);
        var office = new SchedulingOffice("lulea", lulea.Position, advisors);
        var busy = Enumerable.Range(0, 14).Select(d => From.AddDays(d)).ToHashSet();
        var meetings = busy.Select(day => new IntroductionMeeting(
            $"m-{day:yyyyMMdd}", $"r-{day:yyyyMMdd}", "lulea", "wave-1", $"group-{day:yyyyMMdd}", day, 6 * 60, 20 * 60,
            advisors.Select(a => a.AdvisorId).ToList(), ["h-other"], DateTimeOffset.UnixEpoch)).ToList();
        var due = Enumerable.Range(0, 3).Select(i => new TermHuvudman(
            new SchedulingHuvudman($"h-lulea-{i}", "2580", "2580", Sweden.Kommun("2580").Position, 400, null, new HashSet<DateOnly>()),
            DialogueMode.Digital, From)).ToList();

        var free = Run(new TermRequest(office, From, To, Today, due, [])).Term;
        var request = new TermRequest(office, From, To, Today, due, [], Introductions: meetings);
        var (term, _, search) = Run(request);

        // Without the meetings the term starts in those two weeks, so the test can tell the difference.
        Assert.Contains(free.Placements, p => p.Slot is { } slot && busy.Contains(slot.Date));
        Assert.All(term.Placements, p => Assert.NotNull(p.Slot));
        Assert.DoesNotContain(term.Placements, p => busy.Contains(p.Slot!.Date));
        var calendar = new OfficeSchedule([], meetings);
        foreach (var p in term.Placements.OrderBy(p => p.Sequence))
        {
            var slot = p.Slot!;
            var (found, rejection) = search.Check(TermScheduler.QueryFor(request, p.Huvudman, slot.Date), calendar, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, p.Leg);
            Assert.True(found is not null, $"{p.Huvudman.Huvudman.Id} {slot.Date}: {rejection}");
            calendar.Add(TermScheduler.BookingFor(slot, p.Huvudman, false, "term-" + p.Huvudman.Huvudman.Id));
        }
    }

    [Fact]
    public void A_stop_after_a_skipped_one_travels_from_where_the_advisors_were_before_it()
    {
        var (arvidsjaur, arjeplog) = (Sweden.Kommun("2505").Position, Sweden.Kommun("2506").Position);
        var day = new DateOnly(2027, 1, 12);
        // Arvidsjaur (ended 11:00), on to Arjeplog the same day (skipped), on to the next the same day: from Arvidsjaur at 11:00.
        var skipped = new TourLeg(arvidsjaur, "2505", 11 * 60, LegEnd.ContinueToday, 0);
        var next = new TourLeg(arjeplog, "2506", 14 * 60, LegEnd.Home, 0);
        Assert.Equal(new TourLeg(arvidsjaur, "2505", 11 * 60, LegEnd.Home, 0), next.AfterSkipped(skipped, day, day));

        // After a night at Arvidsjaur, Arjeplog skipped in the morning: the next the same day leaves Arvidsjaur in the morning.
        var morning = skipped with { DepartAfterMinute = null, NightsBefore = 1 };
        Assert.Equal(new TourLeg(arvidsjaur, "2505", null, LegEnd.Home, 1), next.AfterSkipped(morning, day, day));

        // The night was to be spent at the skipped stop: the next day's stop leaves from the office.
        var afterNight = next with { DepartAfterMinute = null, NightsBefore = 1 };
        Assert.Equal(TourLeg.First(LegEnd.Home), afterNight.AfterSkipped(skipped, day, day.AddDays(1)));

        // The skipped stop was the first: the next leaves from the office.
        Assert.Equal(TourLeg.First(LegEnd.Home), next.AfterSkipped(TourLeg.First(LegEnd.ContinueToday), day, day));
    }

    [Fact]
    public void A_leg_that_would_take_the_tour_over_its_nights_is_refused_by_the_slot_search()
    {
        var lulea = Sweden.Offices.Single(o => o.OfficeId == "lulea");
        var office = new SchedulingOffice("lulea", lulea.Position, WorldSeed.DefaultAdvisors("lulea", 2));
        var arjeplog = new SchedulingHuvudman("h-2506", "Arjeplog", "2506", Sweden.Kommun("2506").Position, 400, null, new HashSet<DateOnly>());
        var search = TermWorld.SearchFor("lulea", Parameters, Lov);
        var query = new SlotQuery(arjeplog, office, [DialogueMode.OnSite], From, 30, false, Today);
        var leg = new TourLeg(Sweden.Kommun("2505").Position, "2505", null, LegEnd.StayOver, Parameters.Workload.Trips.MaxNightsPerTrip);
        var day = new DateOnly(2027, 1, 12);
        var (slot, rejection) = search.Evaluate(query, new OfficeSchedule([]), day, DialogueMode.OnSite, ["lulea-1", "lulea-2"], null, leg);
        Assert.Null(slot);
        Assert.NotNull(rejection);
        var (home, _) = search.Evaluate(query, new OfficeSchedule([]), day, DialogueMode.OnSite, ["lulea-1", "lulea-2"], null, leg with { End = LegEnd.Home, NightsBefore = 1 });
        Assert.NotNull(home);
        Assert.Equal(day, home!.Date);
    }

    [Fact]
    public void A_whole_country_term_keeps_every_rule_and_drives_fewer_km_with_fewer_nights_than_booking_one_at_a_time()
    {
        var failures = new List<string>();
        double km = 0, kmOne = 0, bound = 0;
        int nights = 0, nightsOne = 0, placed = 0, placedOne = 0, due = 0, late = 0, lateOne = 0;
        var clock = Stopwatch.StartNew();
        foreach (var request in Spring())
        {
            var (term, oneByOne, search) = Run(request);
            failures.AddRange(Replay(request, term, search));
            (km, kmOne, bound) = (km + term.Totals.Km, kmOne + oneByOne.Totals.Km, bound + term.Bound.Km);
            (nights, nightsOne) = (nights + term.Totals.Nights, nightsOne + oneByOne.Totals.Nights);
            (placed, placedOne, due) = (placed + term.Totals.Placed, placedOne + oneByOne.Totals.Placed, due + term.Totals.Huvudman);
            (late, lateOne) = (late + term.Totals.Late, lateOne + oneByOne.Totals.Late);
            Assert.True(term.Totals.Km >= term.Bound.Km - 1e-6, request.Office.Id);
            output.WriteLine($"{request.Office.Id}: {term.Totals.Placed}/{term.Totals.Huvudman} placed, {term.Totals.Late} late, {term.Totals.Km:F0} km (bound {term.Bound.Km:F0}), {term.Totals.Nights} nights, {term.Totals.ToursOfSeveral} tours; one at a time {oneByOne.Totals.Placed} placed, {oneByOne.Totals.Late} late, {oneByOne.Totals.Km:F0} km, {oneByOne.Totals.Nights} nights");
        }

        output.WriteLine($"country: {placed}/{due} placed ({placedOne} one at a time), late {late} ({lateOne}), km {km:F0} ({kmOne:F0}, bound {bound:F0}), nights {nights} ({nightsOne}); {clock.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(due > 100);
        Assert.True(placed >= placedOne, $"placed {placed} < {placedOne}");
        Assert.True(late <= lateOne, $"late {late} > {lateOne}");
        Assert.True(km < kmOne, $"km {km:F0} >= {kmOne:F0}");
        // Malmö's Kalmar and Nybro share a night on the spring term (docs/term-scheduling.md, "Nights").
        Assert.True(nights < nightsOne, $"nights {nights} >= {nightsOne}");
    }
}
