using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Grains.Scheduling;

namespace Planering.Gateway.Scheduling;

/// <summary>Term proposals as messages.</summary>
internal static class ScheduleProposalMessages
{
    public static ScheduleProposal ToMessage(this ScheduleProposalRecord p)
    {
        var message = new ScheduleProposal
        {
            ProposalId = p.ProposalId.ToString(),
            FromDate = SchedulingMapping.Date(p.Spec.From),
            ToDate = SchedulingMapping.Date(p.Spec.To),
            Totals = p.Totals.ToMessage(),
            CreatedAt = Timestamp.FromDateTimeOffset(p.CreatedAt),
            ExpiresAt = Timestamp.FromDateTimeOffset(p.ExpiresAt),
            Committed = p.Committed,
        };
        message.Offices.AddRange(p.Offices.Select(o => o.ToMessage()));
        message.PendingOfficeIds.AddRange(p.Pending);
        return message;
    }

    private static OfficeTerm ToMessage(this OfficeTermRecord o)
    {
        var message = new OfficeTerm { OfficeId = o.OfficeId, Totals = o.Totals.ToMessage() };
        message.Dialogues.AddRange(o.Dialogues.Select(d => new ProposedDialogue
        {
            HuvudmanId = d.HuvudmanId,
            HuvudmanName = d.HuvudmanName,
            OfficeId = d.OfficeId,
            Mode = d.Mode.ToMessage(),
            DueDate = SchedulingMapping.Date(d.Due),
            Slot = d.Slot?.ToMessage(),
            ReasonCode = d.ReasonCode ?? string.Empty,
            ReasonSv = d.ReasonSv ?? string.Empty,
            Trip = d.Trip ?? 0,
            Sequence = d.Sequence,
            MonthsLate = d.MonthsLate,
        }));
        message.Trips.AddRange(o.Trips.Select(t =>
        {
            var trip = new ProposedTrip
            {
                Number = t.Number, OfficeId = t.OfficeId, FirstDate = SchedulingMapping.Date(t.FirstDay), LastDate = SchedulingMapping.Date(t.LastDay),
                Nights = t.Nights, Km = Math.Round(t.Km, 1), TravelHours = Math.Round(t.TravelHours, 2),
            };
            trip.AdvisorIds.AddRange(t.AdvisorIds);
            trip.HuvudmanIds.AddRange(t.HuvudmanIds);
            return trip;
        }));
        return message;
    }

    private static ScheduleTotals ToMessage(this ScheduleTotalsRecord t) => new()
    {
        Huvudman = t.Huvudman, Placed = t.Placed, Unplaced = t.Unplaced, Late = t.Late, MonthsLate = t.MonthsLate, Km = Math.Round(t.Km, 1),
        TravelHours = Math.Round(t.TravelHours, 2), Nights = t.Nights, Trips = t.Trips, Tours = t.Tours, BoundLate = t.BoundLate, BoundKm = Math.Round(t.BoundKm, 1),
    };

    public static CommitScheduleResponse ToMessage(this ScheduleCommitRecord c)
    {
        var message = new CommitScheduleResponse
        {
            ProposalId = c.ProposalId.ToString(),
            Booked = c.Count(CommitOutcome.Booked),
            AlreadyBooked = c.Count(CommitOutcome.AlreadyBooked),
            Taken = c.Count(CommitOutcome.Taken),
            Refused = c.Count(CommitOutcome.Refused),
        };
        message.Dialogues.AddRange(c.Dialogues.Select(d =>
        {
            var m = new CommittedDialogue
            {
                HuvudmanId = d.HuvudmanId, OfficeId = d.OfficeId, DialogueId = d.DialogueId ?? string.Empty, Code = d.Code ?? string.Empty,
                Message = d.Message ?? string.Empty, NextDate = d.NextDate is { } n ? SchedulingMapping.Date(n) : string.Empty,
                NextLocalStart = d.NextLocalStart ?? string.Empty,
                Outcome = d.Outcome switch
                {
                    CommitOutcome.Booked => "BOOKED",
                    CommitOutcome.AlreadyBooked => "ALREADY_BOOKED",
                    CommitOutcome.Taken => "TAKEN",
                    _ => "REFUSED",
                },
            };
            m.NextAdvisorIds.AddRange(d.NextAdvisorIds);
            return m;
        }));
        return message;
    }
}
