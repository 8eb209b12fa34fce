using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Travel;
using Planering.Domain.Workload;
using Planering.Domain.World;
using Xunit.Abstractions;

namespace Planering.Domain.Tests.Travel;

public sealed class TripTests(ITestOutputHelper output)
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SchoolHolidayCalendar Lov = SchoolHolidayCalendar.Create(Sweden);
    private static readonly SlotSearch Search = new(OfficeWorkingTime.Default, Lov, WorkloadModel.Default);

    // Tuesday 11 May 2027: no lov anywhere, a working Monday before it.
    private static readonly DateOnly Tuesday = new(2027, 5, 11);

    private static SchedulingOffice Office(string officeId, int advisors = 2, int? nightsLimit = null)
    {
        var site = Sweden.Offices.Single(o => o.OfficeId == officeId);
        return new SchedulingOffice(officeId, site.Position, WorldSeed.DefaultAdvisors(officeId, advisors), nightsLimit);
    }

    private static SchedulingHuvudman Kommun(string kommunkod, string? id = null) =>
        new(id ?? $"h-{kommunkod}", kommunkod, kommunkod, Sweden.Kommun(kommunkod).Position, 500, null, new HashSet<DateOnly>());

    private static SlotQuery OnSite(SchedulingHuvudman huvudman, SchedulingOffice office, DateOnly earliest, int horizon = 120) =>
        new(huvudman, office, [DialogueMode.OnSite], earliest, horizon, false, earliest.AddDays(-60));

    private static Booking Book(FoundSlot slot, string id) =>
        new(id, id, id, id, slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.Mode, slot.AdvisorIds, slot.TravelMinutesOneWay,
            slot.Effort.DialogueHours, slot.Effort.PreparationHours, false, DateTimeOffset.UnixEpoch, Trip: slot.Trip);

    [Fact]
    public void Every_kommun_has_an_on_site_slot_from_its_nearest_office()
    {
        var failures = new List<string>();
        var shapes = new Dictionary<int, int>();
        foreach (var kommun in Sweden.Kommuner)
        {
            var nearest = Sweden.Offices.MinBy(o => o.Position.DistanceKmTo(kommun.Position))!;
            var result = Search.FindEarliest(OnSite(Kommun(kommun.Kommunkod), Office(nearest.OfficeId, 4), Tuesday, 60), new OfficeSchedule([]));
            if (result.Slot is not { Trip: { } trip } slot)
            {
                failures.Add($"{kommun.Name} ({kommun.Kommunkod}) from {nearest.OfficeId}: {string.Join(", ", result.Rejections.Select(r => r.Code))}");
                continue;
            }

            Assert.Equal(DialogueMode.OnSite, slot.Mode);
            Assert.InRange(slot.StartMinute, 8 * 60, 17 * 60 - 120);
            shapes[trip.Nights] = shapes.GetValueOrDefault(trip.Nights) + 1;
            if (trip.Nights > 0)
            {
                output.WriteLine($"{kommun.Name} ({kommun.Kommunkod}) from {nearest.OfficeId}: {trip.Nights} night(s){(trip.Ferry is null ? "" : ", ferry " + trip.Ferry)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The north and the far ends of the offices' regions need a night away; most of Sweden does not.
        Assert.InRange(shapes.GetValueOrDefault(1) + shapes.GetValueOrDefault(2), 10, 60);
        Assert.True(shapes[0] > 200);
    }

    [Fact]
    public void Kiruna_from_Lulea_is_one_night_away_out_the_working_day_before_and_home_after_the_dialogue()
    {
        var result = Search.FindEarliest(OnSite(Kommun("2584"), Office("lulea"), Tuesday), new OfficeSchedule([]));

        var slot = result.Slot!;
        var trip = slot.Trip!;
        Assert.Equal((Tuesday, 8 * 60), (slot.Date, slot.StartMinute));
        Assert.Equal((Tuesday.AddDays(-1), 17 * 60), (trip.OutDate, trip.OutToMinute));
        Assert.Equal(Tuesday, trip.BackDate);
        Assert.True(trip.BackToMinute <= 17 * 60);
        Assert.Equal(1, trip.Nights);
        Assert.Equal(1, slot.Effort.NightsAway);
        Assert.Equal(2, slot.Effort.AdvisorNights);
        Assert.Null(trip.Ferry);
        // About 250 km as the crow flies, 325 km by road each way at 80 km/h.
        Assert.InRange(trip.RoadKm, 600, 700);
        Assert.Equal(trip.TravelMinutes / 120.0, slot.Effort.TravelHoursOneWay, 9);
    }

    [Fact]
    public void A_trip_blocks_both_advisors_from_its_departure_the_day_before_so_trips_never_overlap()
    {
        var office = Office("lulea");
        var kiruna = Search.FindEarliest(OnSite(Kommun("2584"), office, Tuesday), new OfficeSchedule([])).Slot!;
        var schedule = new OfficeSchedule([Book(kiruna, "kiruna")]);

        // Another Kiruna trip needs the same two advisors away: it goes out only once they are home.
        var again = Search.FindEarliest(OnSite(Kommun("2584", "another"), office, Tuesday), schedule).Slot!;
        Assert.True(again.Trip!.OutDate >= kiruna.Trip!.BackDate, $"{again.Trip.OutDate} must not be before {kiruna.Trip.BackDate}");
        Assert.True(again.Trip.OutDate > kiruna.Trip.BackDate || again.Trip.OutFromMinute >= kiruna.Trip.BackToMinute);

        // A digital dialogue on the Monday fits only before the departure.
        var digital = Search.FindEarliest(new SlotQuery(Kommun("2580"), office, [DialogueMode.Digital], Tuesday.AddDays(-1), 30, false, Tuesday.AddDays(-60)), schedule).Slot!;
        Assert.Equal(Tuesday.AddDays(-1), digital.Date);
        Assert.True(digital.EndMinute <= kiruna.Trip.OutFromMinute);
    }

    [Fact]
    public void On_a_Monday_the_trip_goes_out_the_same_morning_and_comes_home_the_day_after()
    {
        var monday = new DateOnly(2027, 5, 17);
        var slot = Search.FindEarliest(OnSite(Kommun("2584"), Office("lulea"), monday), new OfficeSchedule([])).Slot!;

        Assert.Equal(monday, slot.Date);
        Assert.Equal((monday, 8 * 60), (slot.Trip!.OutDate, slot.Trip.OutFromMinute));
        Assert.Equal(slot.Trip.OutToMinute, slot.StartMinute);
        Assert.Equal((monday.AddDays(1), 8 * 60), (slot.Trip.BackDate, slot.Trip.BackFromMinute));
    }

    [Fact]
    public void Gotland_is_reached_by_the_ferry_from_Nynashamn_and_the_advisors_sleep_in_Visby()
    {
        var slot = Search.FindEarliest(OnSite(Kommun("0980"), Office("solna"), Tuesday), new OfficeSchedule([])).Slot!;
        var trip = slot.Trip!;

        Assert.Equal("Nynäshamn–Visby", trip.Ferry);
        Assert.Equal(1, trip.Nights);
        var (outLeg, backLeg) = WorkloadModel.Default.Trips.Legs(Office("solna").Position, Sweden.Kommun("0980").Position, "0980");
        Assert.InRange(outLeg.RoadMinutesBefore, 40, 55); // Solna to Nynäshamn
        // Out on the 12:30 departure (at the terminal 20 minutes before), 3 h 15 min on the water, into Visby before 17:00.
        Assert.Equal(Tuesday.AddDays(-1), trip.OutDate);
        Assert.Equal(12 * 60 + 30 - 20 - outLeg.RoadMinutesBefore, trip.OutFromMinute);
        Assert.Equal(12 * 60 + 30 + 195 + outLeg.RoadMinutesAfter, trip.OutToMinute);
        // The dialogue opens the day; home on the 12:20 from Visby, in Solna before 17:00.
        Assert.Equal(8 * 60, slot.StartMinute);
        Assert.Equal((Tuesday, 12 * 60 + 20 + 195 + backLeg.RoadMinutesAfter), (trip.BackDate, trip.BackToMinute));
        // Only the drive to Nynäshamn is road, not the 200 km across the water.
        Assert.InRange(trip.RoadKm, 100, 160);
    }

    [Fact]
    public void The_nights_limit_per_advisor_and_month_moves_the_next_trip_to_the_next_month()
    {
        var office = Office("lulea", nightsLimit: 1);
        var first = Search.FindEarliest(OnSite(Kommun("2584"), office, Tuesday), new OfficeSchedule([])).Slot!;
        var schedule = new OfficeSchedule([Book(first, "first")]);

        var second = Search.FindEarliest(OnSite(Kommun("2584", "second"), office, Tuesday), schedule);

        Assert.Equal(1, schedule.NightsAway(first.AdvisorIds[0], 2027, 5));
        Assert.Equal((2027, 6), (second.Slot!.Trip!.NightDates.Single().Year, second.Slot.Trip.NightDates.Single().Month));
        Assert.Contains(second.Rejections, r => r.Code == RejectionCode.NightsLimit);

        // With no nights allowed at all, a trip that needs one is never offered; a digital dialogue still is.
        var none = Search.FindEarliest(OnSite(Kommun("2584"), Office("lulea", nightsLimit: 0), Tuesday, 30), new OfficeSchedule([]));
        Assert.Null(none.Slot);
        Assert.Contains(none.Rejections, r => r.Code == RejectionCode.NightsLimit);
    }

    [Fact]
    public void A_booked_trip_is_checked_again_to_the_same_trip()
    {
        var office = Office("solna");
        var query = OnSite(Kommun("0980"), office, Tuesday);
        var found = Search.FindEarliest(query, new OfficeSchedule([])).Slot!;

        var (checkedSlot, rejection) = Search.Check(query, new OfficeSchedule([]), found.Date, found.StartMinute, DialogueMode.OnSite, found.AdvisorIds);

        Assert.Null(rejection);
        Assert.Equal(found.Trip, checkedSlot!.Trip);
        var (_, late) = Search.Check(query, new OfficeSchedule([]), found.Date, found.StartMinute + 60, DialogueMode.OnSite, found.AdvisorIds);
        Assert.NotNull(late);
    }

    [Fact]
    public void A_leg_longer_than_a_working_day_stays_out_of_reach_on_site()
    {
        var plan = WorkloadModel.Default.Trips.Plan(Sweden.Kommun("1280").Position, Sweden.Kommun("2584").Position, "2584", 120, OfficeHours.Default);

        Assert.Equal(TripShape.Unreachable, plan.Shape);
    }

    [Fact]
    public void Trip_settings_out_of_range_are_refused_naming_each_field()
    {
        var options = WorkloadOptions.Default with
        {
            Trips = new TripOptions
            {
                MaxNightsAwayPerAdvisorMonth = -1,
                MaxNightsPerTrip = 3,
                FerryRoutes = [FerryRoute.NynashamnVisby with { CrossingMinutes = 0, DeparturesFromIsland = [600, 500] }],
            },
        };

        var error = Assert.Throws<Planering.Domain.Errors.PlaneringException>(options.Validate);
        var fields = error.Violations.Select(v => v.Field).ToList();
        Assert.Contains("max_nights_away_per_advisor_month", fields);
        Assert.Contains("max_nights_per_trip", fields);
        Assert.Contains("ferry_routes[0].crossing_minutes", fields);
        Assert.Contains("ferry_routes[0].departures_from_island[1]", fields);
    }
}
