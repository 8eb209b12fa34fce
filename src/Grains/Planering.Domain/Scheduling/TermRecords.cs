using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>A huvudman to schedule in a term: who, how (digital or on site) and when its dialogue falls due.</summary>
public sealed record TermHuvudman(SchedulingHuvudman Huvudman, DialogueMode Mode, DateOnly Due);

/// <summary>One office's term: the office, the period, the day the proposal is made on (the lead time counts from it),
/// the huvudmän, and the office's bookings and booked introduction meetings already in its calendar (the proposal plans
/// around them).</summary>
public sealed record TermRequest(
    SchedulingOffice Office,
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    IReadOnlyList<TermHuvudman> Huvudman,
    IReadOnlyList<Booking> Existing,
    bool SpsmParticipation = false,
    IReadOnlyList<IntroductionMeeting>? Introductions = null);

/// <summary>
/// How tours are formed (assumptions, settable; reasons in docs/term-scheduling.md).
/// </summary>
/// <param name="MaxStopsPerTour">Dialogues one tour may hold (several a day, over consecutive days).</param>
/// <param name="MaxLegKm">The farthest (great-circle) one stop may be from the previous for both to share a tour.</param>
/// <param name="DueWindowDays">A stop may join a tour seeded by a huvudman due up to this many days before it.</param>
/// <param name="LocalSearchRounds">Rounds of the improvement pass (moving single trips into tours).</param>
/// <param name="TourStartDays">Days (on which the seed could start) tried for a tour before the seed travels alone.</param>
public sealed record TermOptions(int MaxStopsPerTour = 6, double MaxLegKm = 150, int DueWindowDays = 45, int LocalSearchRounds = 2, int TourStartDays = 8)
{
    public static TermOptions Default { get; } = new();
}

/// <summary>What a term gives one huvudman: its slot (with the leg when it is part of a tour), or the rule that left it out.</summary>
/// <param name="Trip">The number of the trip (in <see cref="TermSchedule.Trips"/>) it travels on; null for a digital dialogue.</param>
/// <param name="Sequence">The order to book in (1 first): each slot was decided against the calendar holding the ones before
/// it, so booking in this order meets exactly the calendar the proposal met. 0 when unplaced.</param>
public sealed record TermPlacement(TermHuvudman Huvudman, FoundSlot? Slot, RejectionCode? Reason, int? Trip, TourLeg? Leg, int Sequence = 0)
{
    /// <summary>Calendar months after its due month the dialogue is held (0 when on time or early).</summary>
    public int MonthsLate => Slot is { } s ? Math.Max(0, MonthIndex(s.Date) - MonthIndex(Huvudman.Due)) : 0;

    internal static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;
}

/// <summary>One trip of the term: the two advisors, the days away, the nights, the road km and the dialogues on it, in order.</summary>
public sealed record TermTrip(int Number, IReadOnlyList<string> AdvisorIds, DateOnly FirstDay, DateOnly LastDay, int Nights, double Km, int TravelMinutes, IReadOnlyList<string> HuvudmanIds);

/// <summary>The totals of a term. Nights and travel are the pair's (each of the two advisors has as many).</summary>
public sealed record TermTotals(int Huvudman, int Placed, int Unplaced, int Late, int MonthsLate, double Km, double TravelHours, int Nights, int Trips, int ToursOfSeveral);

/// <summary>A lower bound: no schedule of the placed dialogues can be better on either count.</summary>
/// <param name="Late">Huvudmän whose earliest slot on the office's calendar without the proposal (only the calendar,
/// lov, lead time, cycle and travel rules deciding) is after their due month: late in every schedule.</param>
/// <param name="Km">Every on-site stop is reached from the office or from another stop, and one trip at least goes home.</param>
public sealed record TermBound(int Late, double Km);

/// <summary>An office's proposed term.</summary>
public sealed record TermSchedule(string OfficeId, IReadOnlyList<TermPlacement> Placements, IReadOnlyList<TermTrip> Trips, TermTotals Totals, TermBound Bound)
{
    /// <summary>(km - bound) / km: how far the travel may be from the best possible; 0 when there is no travel.</summary>
    public double KmGap => Totals.Km <= 0 ? 0 : (Totals.Km - Bound.Km) / Totals.Km;
}
