using Planering.Domain.Calendar;
using Planering.Domain.Workload;
using Planering.Domain.Scheduling;
using Planering.Grains.Registry;

namespace Planering.Grains.Scheduling;

/// <summary>A concrete dialogue slot as found, offered and booked.</summary>
[GenerateSerializer, Immutable, Alias("planering.SlotRecord")]
public sealed record SlotRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] int StartMinute,
    [property: Id(3)] int EndMinute,
    [property: Id(4)] DialogueMode Mode,
    [property: Id(5)] IReadOnlyList<string> AdvisorIds,
    [property: Id(6)] double DialogueHours,
    [property: Id(7)] double PreparationHours,
    [property: Id(8)] int TravelMinutesOneWay,
    [property: Id(9)] DateOnly PreparationDeadline,
    [property: Id(10)] DateTimeOffset StartUtc,
    [property: Id(11)] DateTimeOffset EndUtc,
    [property: Id(12)] bool SpsmParticipation,
    [property: Id(13)] TripRecord? Trip = null);

/// <summary>The travel of an on-site dialogue (see <see cref="Planering.Domain.Scheduling.Trip"/>); minutes after local midnight.</summary>
[GenerateSerializer, Immutable, Alias("planering.TripRecord")]
public sealed record TripRecord(
    [property: Id(0)] DateOnly OutDate,
    [property: Id(1)] int OutFromMinute,
    [property: Id(2)] int OutToMinute,
    [property: Id(3)] DateOnly BackDate,
    [property: Id(4)] int BackFromMinute,
    [property: Id(5)] int BackToMinute,
    [property: Id(6)] double RoadKm,
    [property: Id(7)] string? Ferry);

/// <summary>How many candidate days one rule rejected.</summary>
[GenerateSerializer, Immutable, Alias("planering.RejectionRecord")]
public sealed record RejectionRecord(
    [property: Id(0)] string Code,
    [property: Id(1)] string ReasonSv,
    [property: Id(2)] string ReasonEn,
    [property: Id(3)] int Days,
    [property: Id(4)] DateOnly FirstDate,
    [property: Id(5)] DateOnly LastDate,
    [property: Id(6)] string? Example);

/// <summary>A search's answer at one office.</summary>
[GenerateSerializer, Immutable, Alias("planering.OfficeSlotAnswer")]
public sealed record OfficeSlotAnswer(
    [property: Id(0)] SlotRecord? Slot,
    [property: Id(1)] IReadOnlyList<RejectionRecord> Rejections,
    [property: Id(2)] int DaysExamined,
    [property: Id(3)] EarlierElsewhere EarlierElsewhere);

/// <summary>FindNextSlot's answer: the slot, why earlier days failed, and up to two earlier alternatives elsewhere.</summary>
[GenerateSerializer, Immutable, Alias("planering.SlotAnswer")]
public sealed record SlotAnswer(
    [property: Id(0)] SlotRecord Slot,
    [property: Id(1)] IReadOnlyList<RejectionRecord> Rejections,
    [property: Id(2)] int DaysExamined,
    [property: Id(3)] IReadOnlyList<SlotRecord> Alternatives);

/// <summary>What a scheduler asks: from when, how, where, for how long.</summary>
/// <param name="Earliest">Null means today.</param>
/// <param name="Modes">Digital, on site, or both (ANY).</param>
/// <param name="OfficeId">Null means the office the live plan assigns.</param>
[GenerateSerializer, Immutable, Alias("planering.FindSlotRequest")]
public sealed record FindSlotRequest(
    [property: Id(0)] DateOnly? Earliest,
    [property: Id(1)] IReadOnlyList<DialogueMode> Modes,
    [property: Id(2)] string? OfficeId,
    [property: Id(3)] int HorizonDays,
    [property: Id(4)] bool SpsmParticipation);

/// <summary>The slot a caller asks to book: where, when, how and with whom; its workload is recomputed, never trusted.</summary>
[GenerateSerializer, Immutable, Alias("planering.SlotChoice")]
public sealed record SlotChoice(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] int StartMinute,
    [property: Id(3)] DialogueMode Mode,
    [property: Id(4)] IReadOnlyList<string> AdvisorIds,
    [property: Id(5)] bool SpsmParticipation,
    [property: Id(6)] SlotClaims? Claims = null,
    [property: Id(7)] TourLegRecord? Leg = null)
{
    /// <summary>A canonical text of the choice, to tell a retried request from a different one under the same request id.</summary>
    public string Fingerprint => $"{OfficeId}|{Date:yyyy-MM-dd}|{StartMinute}|{Mode}|{string.Join(',', AdvisorIds)}|{SpsmParticipation}"
        + (Leg is { } l ? FormattableString.Invariant($"|{l.From?.Latitude:R},{l.From?.Longitude:R},{l.FromKommunkod},{l.DepartAfterMinute},{l.End},{l.NightsBefore}") : string.Empty);
}

/// <summary>A dialogue booked as one stop of a tour (see <see cref="Planering.Domain.Scheduling.TourLeg"/>): a term's commit books these.</summary>
[GenerateSerializer, Immutable, Alias("planering.TourLegRecord")]
public sealed record TourLegRecord(
    [property: Id(0)] Registry.GeoPoint? From,
    [property: Id(1)] string? FromKommunkod,
    [property: Id(2)] int? DepartAfterMinute,
    [property: Id(3)] Planering.Domain.Scheduling.LegEnd End,
    [property: Id(4)] int NightsBefore);

/// <summary>
/// What a caller says the server-derived fields of its slot are (from the FindNextSlot answer it books). The office
/// recomputes them; any that disagree mean the caller booked something other than it thinks, and the booking is refused
/// naming the field. Null means the caller did not say.
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.SlotClaims")]
public sealed record SlotClaims(
    [property: Id(0)] int? EndMinute,
    [property: Id(1)] double? DialogueHours,
    [property: Id(2)] double? PreparationHours,
    [property: Id(3)] double? TravelHoursOneWay,
    [property: Id(4)] DateOnly? PreparationDeadline)
{
    /// <summary>Hours are compared to the minute: the API carries them as doubles computed from minutes.</summary>
    private const double HoursTolerance = 1.0 / 60;

    /// <summary>The claimed fields (API names, under <c>slot.</c>) that disagree with the slot the server computed.</summary>
    public IReadOnlyList<(string Field, string Description)> Contradictions(SlotRecord computed)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var found = new List<(string, string)>();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (EndMinute is { } end && end != computed.EndMinute)
        {
            found.Add(("slot.local_end", string.Create(inv, $"the dialogue ends at {computed.EndMinute / 60:D2}:{computed.EndMinute % 60:D2} by the server's reckoning, not {end / 60:D2}:{end % 60:D2}")));
        }

        void Hours(double? claimed, double actual, string field)
        {
            if (claimed is { } c && Math.Abs(c - actual) > HoursTolerance)
            {
                found.Add((field, string.Create(inv, $"is {actual:0.##} h by the server's reckoning, not {c:0.##}")));
            }
        }

        Hours(DialogueHours, computed.DialogueHours, "slot.dialogue_hours");
        Hours(PreparationHours, computed.PreparationHours, "slot.preparation_hours");
        Hours(TravelHoursOneWay, computed.TravelMinutesOneWay / 60.0, "slot.travel_hours_one_way");
        if (PreparationDeadline is { } deadline && deadline != computed.PreparationDeadline)
        {
            found.Add(("slot.preparation_deadline", string.Create(inv, $"is {computed.PreparationDeadline:yyyy-MM-dd} by the server's reckoning, not {deadline:yyyy-MM-dd}")));
        }

        return found;
    }
}

/// <summary>What the huvudman grain tells its office when it books or searches: who it is and what binds its dates.</summary>
[GenerateSerializer, Immutable, Alias("planering.HuvudmanForSlot")]
public sealed record HuvudmanForSlot(
    [property: Id(0)] string OrganisationNumber,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kommunkod,
    [property: Id(3)] GeoPoint Position,
    [property: Id(4)] int Pupils,
    [property: Id(5)] DateOnly? LastDialogueDate,
    [property: Id(6)] IReadOnlyList<DateOnly> BlockedDates,
    [property: Id(8)] Guid SchoolCalendarVersion,
    [property: Id(9)] Planning.PlanningParametersDocument? Parameters = null);

/// <summary>A kommun's own dates for one lov in one year.</summary>
[GenerateSerializer, Immutable, Alias("planering.LovOverrideRecord")]
public sealed record LovOverrideRecord(
    [property: Id(0)] string Kommunkod,
    [property: Id(1)] int Year,
    [property: Id(2)] LovKind Kind,
    [property: Id(3)] int? Week,
    [property: Id(4)] DateOnly? StartDate,
    [property: Id(5)] DateOnly? EndDate);

/// <summary>A lov period of a kommun (or of an independent huvudman with its own calendar) and where its dates come from.</summary>
[GenerateSerializer, Immutable, Alias("planering.LovPeriodRecord")]
public sealed record LovPeriodRecord(
    [property: Id(0)] LovKind Kind,
    [property: Id(1)] DateOnly Start,
    [property: Id(2)] DateOnly End,
    [property: Id(4)] LovSource Source)
{
    public bool Overridden => Source != LovSource.Default;
}

/// <summary>A dialogue as booked (and perhaps cancelled).</summary>
[GenerateSerializer, Immutable, Alias("planering.DialogueRecord")]
public sealed record DialogueRecord(
    [property: Id(0)] string DialogueId,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string HuvudmanId,
    [property: Id(3)] string HuvudmanName,
    [property: Id(4)] SlotRecord Slot,
    [property: Id(5)] DateTimeOffset BookedAt,
    [property: Id(6)] DateTimeOffset? CancelledAt,
    [property: Id(7)] string? CancelReason)
{
    public bool IsActive => CancelledAt is null;
}

/// <summary>Which dialogues a listing wants.</summary>
[GenerateSerializer, Immutable, Alias("planering.DialogueFilter")]
public sealed record DialogueFilter(
    [property: Id(0)] DateOnly? From,
    [property: Id(1)] DateOnly? To,
    [property: Id(2)] bool IncludeCancelled);

/// <summary>One page of dialogues in (date, start, id) order.</summary>
[GenerateSerializer, Immutable, Alias("planering.DialoguePage")]
public sealed record DialoguePage(
    [property: Id(0)] IReadOnlyList<DialogueRecord> Items,
    [property: Id(1)] string? NextPageToken);
