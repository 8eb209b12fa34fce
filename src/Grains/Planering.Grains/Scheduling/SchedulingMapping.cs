using Planering.Domain.Calendar;
using Planering.Domain.Scheduling;
using Planering.Domain.World;
using Planering.Grains.Registry;

namespace Planering.Grains.Scheduling;

/// <summary>Conversions between the scheduling domain and the records that cross grain calls and are stored.</summary>
internal static class SchedulingMapping
{
    public static SlotRecord ToRecord(this FoundSlot slot, bool spsm) =>
        new(slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.Mode, slot.AdvisorIds, slot.Effort.DialogueHours,
            slot.Effort.PreparationHours, slot.TravelMinutesOneWay, slot.PreparationDeadline, slot.StartUtc, slot.EndUtc, spsm, slot.Trip?.ToRecord());

    public static TripRecord ToRecord(this Trip trip) =>
        new(trip.OutDate, trip.OutFromMinute, trip.OutToMinute, trip.BackDate, trip.BackFromMinute, trip.BackToMinute, trip.RoadKm, trip.Ferry);

    public static Trip ToDomain(this TripRecord trip) =>
        new(trip.OutDate, trip.OutFromMinute, trip.OutToMinute, trip.BackDate, trip.BackFromMinute, trip.BackToMinute, trip.RoadKm, trip.Ferry);

    public static RejectionRecord ToRecord(this RejectionSummary summary) =>
        new(RejectionTexts.Code(summary.Code), RejectionTexts.Swedish(summary.Code), RejectionTexts.English(summary.Code),
            summary.Days, summary.FirstDate, summary.LastDate, summary.Example);

    public static OfficeSlotAnswer ToRecord(this SlotSearchResult result, bool spsm) =>
        new(result.Slot?.ToRecord(spsm), result.Rejections.Select(r => r.ToRecord()).ToList(), result.DaysExamined, result.EarlierElsewhere);

    public static Booking ToBooking(this DialogueRecord d) =>
        new(d.DialogueId, d.RequestId, d.HuvudmanId, d.HuvudmanName, d.Slot.OfficeId, d.Slot.Date, d.Slot.StartMinute, d.Slot.EndMinute,
            d.Slot.Mode, d.Slot.AdvisorIds, d.Slot.TravelMinutesOneWay, d.Slot.DialogueHours, d.Slot.PreparationHours,
            d.Slot.SpsmParticipation, d.BookedAt, d.CancelledAt, d.CancelReason, d.Slot.Trip?.ToDomain());

    public static SchedulingHuvudman ToDomain(this HuvudmanForSlot h) =>
        new(h.OrganisationNumber, h.Name, h.Kommunkod, h.Position.ToDomain(), h.Pupils, h.LastDialogueDate, h.BlockedDates.ToHashSet(),
            h.Parameters?.Value.CycleMonthsFor(h.OrganisationNumber));

    public static SchedulingOffice ToScheduling(this OfficeRecord office) =>
        new(office.OfficeId, office.Position.ToDomain(), office.Advisors.Select(a => a.ToDomain()).ToList(), office.MaxNightsAwayPerAdvisorMonth);

    public static IntroductionMeeting ToDomain(this IntroductionMeetingRecord m) =>
        new(m.MeetingId, m.RequestId, m.OfficeId, m.WaveId, m.GroupId, m.Date, m.StartMinute, m.EndMinute, m.AdvisorIds, m.HuvudmanIds, m.BookedAt, m.CancelledAt);

    public static IntroductionSlotRecord ToRecord(this FoundIntroduction slot) =>
        new(slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.AdvisorIds, slot.StartUtc, slot.EndUtc);
}
