using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Grains.Scheduling;
using DomainLovKind = Planering.Domain.Calendar.LovKind;
using DomainMode = Planering.Domain.Workload.DialogueMode;

namespace Planering.Gateway.Scheduling;

/// <summary>Conversions between the scheduling protobuf messages and the grain records.</summary>
internal static class SchedulingMapping
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Clock(int minute) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static Slot ToMessage(this SlotRecord slot)
    {
        var message = new Slot
        {
            OfficeId = slot.OfficeId,
            Date = Date(slot.Date),
            LocalStart = Clock(slot.StartMinute),
            LocalEnd = Clock(slot.EndMinute),
            Start = Timestamp.FromDateTimeOffset(slot.StartUtc),
            End = Timestamp.FromDateTimeOffset(slot.EndUtc),
            Mode = slot.Mode.ToMessage(),
            DialogueHours = slot.DialogueHours,
            PreparationHours = slot.PreparationHours,
            TravelHoursOneWay = slot.TravelMinutesOneWay / 60.0,
            PreparationDeadline = Date(slot.PreparationDeadline),
            SpsmParticipation = slot.SpsmParticipation,
        };
        message.AdvisorIds.AddRange(slot.AdvisorIds);
        if (slot.Trip is { } trip)
        {
            message.NightsAway = trip.BackDate.DayNumber - trip.OutDate.DayNumber;
            message.TravelHours = ((trip.OutToMinute - trip.OutFromMinute) + (trip.BackToMinute - trip.BackFromMinute)) / 60.0;
            message.TravelKm = trip.RoadKm;
            message.TravelOutDate = Date(trip.OutDate);
            message.TravelOutLocalStart = Clock(trip.OutFromMinute);
            message.TravelBackDate = Date(trip.BackDate);
            message.TravelBackLocalEnd = Clock(trip.BackToMinute);
            message.Ferry = trip.Ferry ?? string.Empty;
        }
        else if (slot.Mode == DomainMode.OnSite)
        {
            // Booked before trips were modelled: the same day, the same road each way.
            message.TravelHours = 2 * slot.TravelMinutesOneWay / 60.0;
            message.TravelOutDate = message.TravelBackDate = Date(slot.Date);
            message.TravelOutLocalStart = Clock(slot.StartMinute - slot.TravelMinutesOneWay);
            message.TravelBackLocalEnd = Clock(slot.EndMinute + slot.TravelMinutesOneWay);
        }

        return message;
    }

    public static Rejection ToMessage(this RejectionRecord r) => new()
    {
        Code = r.Code,
        ReasonSv = r.ReasonSv,
        ReasonEn = r.ReasonEn,
        Days = r.Days,
        FirstDate = Date(r.FirstDate),
        LastDate = Date(r.LastDate),
        Example = r.Example ?? string.Empty,
    };

    public static Dialogue ToMessage(this DialogueRecord d, DateTimeOffset now)
    {
        var message = new Dialogue
        {
            DialogueId = d.DialogueId,
            HuvudmanId = d.HuvudmanId,
            HuvudmanName = d.HuvudmanName,
            Slot = d.Slot.ToMessage(),
            Status = !d.IsActive ? DialogueStatus.Cancelled : d.Slot.EndUtc <= now ? DialogueStatus.Held : DialogueStatus.Booked,
            RequestId = d.RequestId,
            BookedAt = Timestamp.FromDateTimeOffset(d.BookedAt),
            CancelReason = d.CancelReason ?? string.Empty,
        };
        if (d.CancelledAt is { } cancelled)
        {
            message.CancelledAt = Timestamp.FromDateTimeOffset(cancelled);
        }

        return message;
    }

    public static SchoolHolidays ToMessage(this IReadOnlyList<LovPeriodRecord> periods, string kommunkod, int year)
    {
        var message = new SchoolHolidays { Kommunkod = kommunkod, Year = year };
        message.Periods.AddRange(periods.Select(p => new LovPeriod
        {
            Kind = (LovKind)(int)p.Kind,
            StartDate = Date(p.Start),
            EndDate = Date(p.End),
            Overridden = p.Overridden,
        }));
        return message;
    }

    public static DialogueMode ToMessage(this DomainMode mode) => mode == DomainMode.OnSite ? DialogueMode.OnSite : DialogueMode.Digital;

    /// <summary>The modes a request asks for; ANY (or unspecified) tries digital first, so a tie keeps the cheaper dialogue.</summary>
    public static IReadOnlyList<DomainMode> ToDomainModes(this DialogueMode mode) => mode switch
    {
        DialogueMode.Digital => [DomainMode.Digital],
        DialogueMode.OnSite => [DomainMode.OnSite],
        _ => [DomainMode.Digital, DomainMode.OnSite],
    };

    public static DomainLovKind ToDomain(this LovKind kind) => (DomainLovKind)(int)kind;
}
