namespace Planering.Domain.Travel;

/// <summary>How an on-site dialogue is travelled, by the nights it takes.</summary>
public enum TripShape
{
    /// <summary>There, the dialogue and back within one working day.</summary>
    SameDay = 0,

    /// <summary>One night away: out the working day before (the dialogue opens the day) or home the working day after.</summary>
    OneNight = 1,

    /// <summary>Two nights: out the day before, home the day after (a leg too long to share a day with the dialogue).</summary>
    TwoNights = 2,

    /// <summary>A leg longer than a working day, or a ferry that cannot be caught: no on-site dialogue from this office.</summary>
    Unreachable = 3,
}

/// <summary>
/// A trip as planning counts it: its shape, each advisor's travel minutes there and back, the road kilometres there and
/// back, and the ferry line if any. The slot search books the same shape with concrete times.
/// </summary>
public sealed record TripPlan(TripShape Shape, TravelLeg Out, TravelLeg Back, int TravelMinutes, double RoadKmRoundTrip, string? Ferry)
{
    /// <summary>Nights away per advisor.</summary>
    public int Nights => Shape switch
    {
        TripShape.OneNight => 1,
        TripShape.TwoNights => 2,
        _ => 0,
    };
}
