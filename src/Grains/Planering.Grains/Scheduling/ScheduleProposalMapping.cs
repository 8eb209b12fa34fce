using Planering.Domain.Scheduling;
using Planering.Grains.Registry;

namespace Planering.Grains.Scheduling;

/// <summary>The domain's term schedule as the records a proposal keeps.</summary>
internal static class ScheduleProposalMapping
{
    public static OfficeTermRecord ToRecord(this TermSchedule term, bool spsm) =>
        new(term.OfficeId,
            term.Placements.Select(p => new ProposedDialogueRecord(
                p.Huvudman.Huvudman.Id, p.Huvudman.Huvudman.Name, term.OfficeId, p.Huvudman.Mode, p.Huvudman.Due, p.Slot?.ToRecord(spsm),
                p.Reason is { } r ? RejectionTexts.Code(r) : null, p.Trip, p.Leg?.ToRecord(), p.Sequence, p.MonthsLate,
                p.Reason is { } sv ? RejectionTexts.Swedish(sv) : null)).ToList(),
            term.Trips.Select(t => new ProposedTripRecord(t.Number, term.OfficeId, t.AdvisorIds, t.FirstDay, t.LastDay, t.Nights, t.Km, t.TravelMinutes / 60.0, t.HuvudmanIds)).ToList(),
            new ScheduleTotalsRecord(
                term.Totals.Huvudman, term.Totals.Placed, term.Totals.Unplaced, term.Totals.Late, term.Totals.MonthsLate, term.Totals.Km, term.Totals.TravelHours,
                term.Totals.Nights, term.Totals.Trips, term.Totals.ToursOfSeveral, term.Bound.Late, term.Bound.Km));

    public static TourLegRecord ToRecord(this TourLeg leg) =>
        new(leg.From is { } from ? GeoPoint.From(from) : null, leg.FromKommunkod, leg.DepartAfterMinute, leg.End, leg.NightsBefore);

    public static TourLeg ToDomain(this TourLegRecord leg) => new(leg.From?.ToDomain(), leg.FromKommunkod, leg.DepartAfterMinute, leg.End, leg.NightsBefore);

    public static ScheduleTotalsRecord Sum(IEnumerable<ScheduleTotalsRecord> totals)
    {
        var list = totals.ToList();
        return new ScheduleTotalsRecord(
            list.Sum(t => t.Huvudman), list.Sum(t => t.Placed), list.Sum(t => t.Unplaced), list.Sum(t => t.Late), list.Sum(t => t.MonthsLate),
            list.Sum(t => t.Km), list.Sum(t => t.TravelHours), list.Sum(t => t.Nights), list.Sum(t => t.Trips), list.Sum(t => t.Tours),
            list.Sum(t => t.BoundLate), list.Sum(t => t.BoundKm));
    }
}
