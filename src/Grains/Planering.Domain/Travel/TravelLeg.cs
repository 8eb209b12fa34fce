namespace Planering.Domain.Travel;

/// <summary>
/// One way of a trip, office to huvudman or back: road all the way, or road to a port, the next ferry, and road on. Times
/// are minutes after local midnight on the day of travel; a leg never spans midnight.
/// </summary>
/// <param name="RoadMinutesBefore">Driving before the crossing, or the whole leg when there is no ferry.</param>
/// <param name="RoadMinutesAfter">Driving from the port of arrival (zero without a ferry).</param>
/// <param name="RoadKm">Road kilometres of the leg (the crossing not counted).</param>
/// <param name="Ferry">The crossing and its departures from the port this leg leaves, or null for road only.</param>
public sealed record TravelLeg(int RoadMinutesBefore, int RoadMinutesAfter, double RoadKm, FerryCrossing? Ferry)
{
    private const int MinutesPerDay = 24 * 60;

    /// <summary>A leg by road only.</summary>
    public static TravelLeg Road(int minutes, double km) => new(minutes, 0, km, null);

    /// <summary>The leg's length when every wait is zero: driving plus check-in plus crossing.</summary>
    public int NominalMinutes => RoadMinutesBefore + RoadMinutesAfter + (Ferry is { } f ? f.CheckInMinutes + f.CrossingMinutes : 0);

    /// <summary>When travellers leaving at <paramref name="depart"/> arrive the same day, or null when they cannot (no ferry left).</summary>
    public int? ArrivalLeavingAt(int depart)
    {
        if (Ferry is not { } ferry)
        {
            return Today(depart + RoadMinutesBefore);
        }

        var atTerminal = depart + RoadMinutesBefore + ferry.CheckInMinutes;
        foreach (var departure in ferry.Departures)
        {
            if (departure >= atTerminal)
            {
                return Today(departure + ferry.CrossingMinutes + RoadMinutesAfter);
            }
        }

        return null;
    }

    /// <summary>The latest the travellers may leave and still arrive by <paramref name="arriveBy"/>, or null when no departure makes it.</summary>
    public int? LatestDepartureArrivingBy(int arriveBy)
    {
        if (Ferry is not { } ferry)
        {
            return NotBeforeMidnight(arriveBy - RoadMinutesBefore);
        }

        for (var i = ferry.Departures.Count - 1; i >= 0; i--)
        {
            if (ferry.Departures[i] + ferry.CrossingMinutes + RoadMinutesAfter <= arriveBy)
            {
                return NotBeforeMidnight(ferry.Departures[i] - ferry.CheckInMinutes - RoadMinutesBefore);
            }
        }

        return null;
    }

    private static int? Today(int minute) => minute <= MinutesPerDay ? minute : null;

    private static int? NotBeforeMidnight(int minute) => minute >= 0 ? minute : null;
}

/// <summary>The water part of a leg: the line, its time on the water, the check-in, and the departures from this leg's port.</summary>
public sealed record FerryCrossing(string Route, int CrossingMinutes, int CheckInMinutes, IReadOnlyList<int> Departures);
