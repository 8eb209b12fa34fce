using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Workload;

namespace Planering.Domain.Travel;

/// <summary>
/// The one place that decides how an on-site dialogue is travelled, for the slot search, the plan and the forecast alike.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Legs: by road (great-circle km × road factor at the travel speed, rounded up to 5 minutes), except to a kommun a
/// ferry line serves (<see cref="TripOptions.FerryRoutes"/>): road to the mainland port, the next departure after
/// check-in, the crossing, road from the island port. With two lines, the one with the shorter nominal trip is taken. An
/// office on the island itself (nearer the island port than the mainland port, within 100 km of it) drives.</item>
/// <item>Every leg and the dialogue lie within the office's working hours; a night away is spent at the huvudman's place.</item>
/// <item>Shapes, in the order tried: the same day (out, dialogue, back); one night (out by the end of the working day before,
/// the dialogue opening the day, home the same day; or out and the dialogue the same day, home the morning after); two
/// nights (out the day before, the dialogue, home the day after); otherwise unreachable on site (a leg longer than a
/// working day). A trip of more nights than <see cref="TripOptions.MaxNightsPerTrip"/> is unreachable too.</item>
/// </list>
/// </remarks>
public sealed class TripPlanner(WorkloadOptions options)
{
    private const double IslandOfficeKm = 100;
    private const int DepartureStepMinutes = 15;

    public WorkloadOptions Options { get; } = options;

    /// <summary>The legs from an office to a huvudman in <paramref name="kommunkod"/> at <paramref name="huvudman"/>, and back.</summary>
    public (TravelLeg Out, TravelLeg Back) Legs(GeoPosition office, GeoPosition huvudman, string kommunkod)
    {
        (TravelLeg Out, TravelLeg Back)? best = null;
        foreach (var route in Options.Trips.FerryRoutes)
        {
            if (!route.Serves(kommunkod) || IsOnIsland(office, route))
            {
                continue;
            }

            var (toPort, toPortKm) = Road(office, route.MainlandPort);
            var (fromPort, fromPortKm) = Road(route.IslandPort, huvudman);
            var outLeg = new TravelLeg(toPort, fromPort, toPortKm + fromPortKm,
                new FerryCrossing(route.Name, route.CrossingMinutes, route.CheckInMinutes, route.DeparturesFromMainland));
            var backLeg = new TravelLeg(fromPort, toPort, toPortKm + fromPortKm,
                new FerryCrossing(route.Name, route.CrossingMinutes, route.CheckInMinutes, route.DeparturesFromIsland));
            if (best is not { } b || outLeg.NominalMinutes + backLeg.NominalMinutes < b.Out.NominalMinutes + b.Back.NominalMinutes)
            {
                best = (outLeg, backLeg);
            }
        }

        if (best is { } ferry)
        {
            return ferry;
        }

        var (minutes, km) = Road(office, huvudman);
        var road = TravelLeg.Road(minutes, km);
        return (road, road);
    }

    /// <summary>How a dialogue of <paramref name="dialogueMinutes"/> is travelled when the advisors are free (see the remarks).</summary>
    public TripPlan Plan(GeoPosition office, GeoPosition huvudman, string kommunkod, int dialogueMinutes, OfficeHours hours)
    {
        var (outLeg, backLeg) = Legs(office, huvudman, kommunkod);
        return Plan(outLeg, backLeg, dialogueMinutes, hours);
    }

    /// <summary>The shape and travel of a trip with these legs (see the remarks).</summary>
    public TripPlan Plan(TravelLeg outLeg, TravelLeg backLeg, int dialogueMinutes, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var dayStart = Minutes(hours.DayStart);
        var dayEnd = Minutes(hours.DayEnd);
        var km = outLeg.RoadKm + backLeg.RoadKm;
        var ferry = outLeg.Ferry?.Route;
        TripPlan Trip(TripShape shape, int travel) =>
            (int)shape <= Options.Trips.MaxNightsPerTrip || shape == TripShape.SameDay
                ? new TripPlan(shape, outLeg, backLeg, travel, km, ferry)
                : new TripPlan(TripShape.Unreachable, outLeg, backLeg, 0, km, ferry);

        if (SameDay(outLeg, backLeg, dialogueMinutes, dayStart, dayStart, dayEnd) is { } sameDay)
        {
            return Trip(TripShape.SameDay, sameDay.TravelMinutes);
        }

        var outDeparture = outLeg.LatestDepartureArrivingBy(dayEnd);
        var outMinutes = outDeparture is { } d && d >= dayStart && outLeg.ArrivalLeavingAt(d) is { } a ? a - d : (int?)null;
        var backFromStart = backLeg.ArrivalLeavingAt(dayStart) is { } r && r <= dayEnd ? r - dayStart : (int?)null;
        var fits = dialogueMinutes <= dayEnd - dayStart;

        // Out the day before: the dialogue opens the day and the advisors go home when it ends.
        if (outMinutes is { } before && fits && backLeg.ArrivalLeavingAt(dayStart + dialogueMinutes) is { } home && home <= dayEnd)
        {
            return Trip(TripShape.OneNight, before + (home - dayStart - dialogueMinutes));
        }

        // Out in the morning, the dialogue the same day, home the next morning.
        if (backFromStart is { } after && outLeg.ArrivalLeavingAt(dayStart) is { } arrival && arrival + dialogueMinutes <= dayEnd
            && outLeg.LatestDepartureArrivingBy(arrival) is { } leave)
        {
            return Trip(TripShape.OneNight, (arrival - leave) + after);
        }

        return outMinutes is { } first && backFromStart is { } last && fits
            ? Trip(TripShape.TwoNights, first + last)
            : new TripPlan(TripShape.Unreachable, outLeg, backLeg, 0, km, ferry);
    }

    /// <summary>
    /// The earliest same-day trip leaving at or after <paramref name="earliestDeparture"/> (aligned to the quarter hour from
    /// <paramref name="dayStart"/>) that is home by <paramref name="latestReturn"/>: departure, dialogue start, dialogue end
    /// and return, and the minutes spent travelling. A road trip is tried once (a later start only shifts it); a ferry
    /// trip at each quarter hour until the last departure is missed.
    /// </summary>
    public static SameDayTrip? SameDay(TravelLeg outLeg, TravelLeg backLeg, int dialogueMinutes, int earliestDeparture, int dayStart, int latestReturn)
    {
        var start = dayStart + (((Math.Max(earliestDeparture, dayStart) - dayStart + DepartureStepMinutes - 1) / DepartureStepMinutes) * DepartureStepMinutes);
        for (var depart = start; depart < latestReturn; depart += DepartureStepMinutes)
        {
            if (outLeg.ArrivalLeavingAt(depart) is not { } arrival || arrival + dialogueMinutes > latestReturn)
            {
                return null;
            }

            var leave = outLeg.LatestDepartureArrivingBy(arrival) ?? depart;
            var end = arrival + dialogueMinutes;
            if (backLeg.ArrivalLeavingAt(end) is { } home && home <= latestReturn)
            {
                return new SameDayTrip(Math.Max(leave, depart), arrival, end, home);
            }

            if (outLeg.Ferry is null && backLeg.Ferry is null)
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsOnIsland(GeoPosition office, FerryRoute route)
    {
        var toIsland = office.DistanceKmTo(route.IslandPort);
        return toIsland < office.DistanceKmTo(route.MainlandPort) && toIsland <= IslandOfficeKm;
    }

    private (int Minutes, double Km) Road(GeoPosition from, GeoPosition to)
    {
        var km = Math.Min(from.DistanceKmTo(to), WorkloadModel.MaxDistanceKm) * Options.RoadFactor;
        var minutes = (int)Math.Ceiling(km / Options.TravelSpeedKmPerHour * 60);
        return ((minutes + 4) / 5 * 5, km);
    }

    private static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
}

/// <summary>A same-day trip's times in minutes after local midnight.</summary>
public readonly record struct SameDayTrip(int Departure, int DialogueStart, int DialogueEnd, int Home)
{
    /// <summary>Minutes on the way there and back (waiting for a ferry included).</summary>
    public int TravelMinutes => (DialogueStart - Departure) + (Home - DialogueEnd);
}
