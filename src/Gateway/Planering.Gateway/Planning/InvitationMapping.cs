using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Gateway.Errors;
using Planering.Grains.Invitations;
using Planering.Grains.Scheduling;
using static Planering.Gateway.Scheduling.SchedulingMapping;
using WaveLimits = Planering.Domain.Invitations.InvitationLimits;
using DomainStatus = Planering.Domain.Invitations.InvitationStatus;

namespace Planering.Gateway.Planning;

/// <summary>Invitation waves, answers, coverage and introduction meetings between their protobuf messages and the grain records.</summary>
internal static class InvitationMapping
{
    /// <summary>Wave ids are slugs, as office ids are: readable in the CLI and safe in grain keys.</summary>
    public const int MaxWaveIdLength = 40;

    public static WaveRequestRecord ToRecord(this ProposeInvitationWaveRequest r)
    {
        var v = new Violations();
        var start = RequestShape.RequiredDate(v, "period_start", r.PeriodStart);
        var end = RequestShape.RequiredDate(v, "period_end", r.PeriodEnd);
        Period(v, start, end);
        v.Require(r.OfficeIds.Count <= 100, "office_ids", "must name at most 100 offices");
        for (var i = 0; i < r.OfficeIds.Count && i < 100; i++)
        {
            RequestShape.OfficeId(v, $"office_ids[{i}]", r.OfficeIds[i]);
        }

        RequestShape.OfficeId(v, "wave_id", r.WaveId, required: false);
        v.ThrowIfAny();
        return new WaveRequestRecord(r.Size, start, end, r.OfficeIds.ToList(), r.WaveId.Length > 0 ? r.WaveId : null);
    }

    public static WaveCommitRecord ToRecord(this CommitInvitationWaveRequest r)
    {
        var v = new Violations();
        RequestShape.OfficeId(v, "wave_id", r.WaveId);
        var start = RequestShape.RequiredDate(v, "period_start", r.PeriodStart);
        var end = RequestShape.RequiredDate(v, "period_end", r.PeriodEnd);
        Period(v, start, end);
        v.Require(r.HuvudmanIds.Count > 0, "huvudman_ids", "must name at least one huvudman");
        v.Require(r.HuvudmanIds.Count <= WaveLimits.MaxWaveSize, "huvudman_ids", $"must name at most {WaveLimits.MaxWaveSize} huvudmän");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.HuvudmanIds.Count && i < WaveLimits.MaxWaveSize; i++)
        {
            var before = v.Found.Count;
            RequestShape.OrganisationNumber(v, $"huvudman_ids[{i}]", r.HuvudmanIds[i]);
            if (v.Found.Count == before && !seen.Add(r.HuvudmanIds[i]))
            {
                v.Add($"huvudman_ids[{i}]", "is named twice");
            }
        }

        v.ThrowIfAny();
        return new WaveCommitRecord(r.WaveId, start, end, r.HuvudmanIds.ToList());
    }

    public static InvitationAnswerRecord ToRecord(this RecordInvitationAnswerRequest r)
    {
        var v = new Violations();
        RequestShape.OrganisationNumber(v, "huvudman_id", r.HuvudmanId);
        v.Require(r.Answer is InvitationStatus.Accepted or InvitationStatus.Declined or InvitationStatus.NoAnswer, "answer", "must be ACCEPTED, DECLINED or NO_ANSWER");
        v.Require(r.Reason.Length <= WaveLimits.MaxReasonLength, "reason", $"must be at most {WaveLimits.MaxReasonLength} characters");
        v.Require(!r.Reason.Any(char.IsControl), "reason", "must not contain control characters");
        RequestShape.OfficeId(v, "wave_id", r.WaveId, required: false);
        v.ThrowIfAny();
        return new InvitationAnswerRecord(r.HuvudmanId, r.WaveId.Length > 0 ? r.WaveId : null, (DomainStatus)(int)r.Answer, r.Reason.Length > 0 ? r.Reason : null);
    }

    private static void Period(Violations v, DateOnly start, DateOnly end)
    {
        if (start != default && end != default)
        {
            v.Require(start.Year is >= RequestShape.MinYear and <= RequestShape.MaxYear, "period_start", $"must lie between {RequestShape.MinYear} and {RequestShape.MaxYear}");
            v.Require(end >= start, "period_end", "must not be before period_start");
        }
    }

    public static InvitationWaveProposal ToMessage(this WaveProposalRecord p)
    {
        var message = new InvitationWaveProposal
        {
            ExcludedDialogueBooked = p.ExcludedDialogueBooked,
            ExcludedOpenInvitation = p.ExcludedOpenInvitation,
            ExcludedDeclinedThisCycle = p.ExcludedDeclinedThisCycle,
            ExcludedNotDue = p.ExcludedNotDue,
            ExpectedAccepted = p.ExpectedAccepted,
            ParametersVersion = p.ParametersVersion,
            PeriodStart = Date(p.Request.PeriodStart),
            PeriodEnd = Date(p.Request.PeriodEnd),
        };
        message.Invitees.AddRange(p.Invitees.Select(i => new ProposedInvitee
        {
            HuvudmanId = i.HuvudmanId,
            Name = i.Name,
            OfficeId = i.OfficeId,
            Type = (HuvudmanType)(int)i.Type,
            Pupils = i.Pupils,
            Size = (SizeBand)(int)i.Size,
            DueDate = i.DueDate is { } due ? Date(due) : string.Empty,
            IntroductionGroup = i.IntroductionGroup,
            TakeUp = i.TakeUp,
            Reason = i.Reason,
        }));
        message.Offices.AddRange(p.Offices.Select(o => new WaveOfficeShare
        {
            OfficeId = o.OfficeId, DialogueCapacity = o.DialogueCapacity, CapacityShare = o.CapacityShare, Eligible = o.Eligible, Proposed = o.Proposed,
        }));
        message.IntroductionGroups.AddRange(p.Groups.Select(ToMessage));
        return message;
    }

    public static InvitationWave ToMessage(this CommittedWaveRecord w)
    {
        var message = new InvitationWave
        {
            WaveId = w.WaveId,
            CommittedOn = Date(w.CommittedOn),
            PeriodStart = Date(w.PeriodStart),
            PeriodEnd = Date(w.PeriodEnd),
            AlreadyCommitted = w.AlreadyCommitted,
        };
        message.Invitations.AddRange(w.Invitations.Select(ToMessage));
        message.IntroductionGroups.AddRange(w.Groups.Select(ToMessage));
        return message;
    }

    public static Contracts.V1.Invitation ToMessage(this InvitationRecord i) => new()
    {
        HuvudmanId = i.HuvudmanId,
        WaveId = i.WaveId,
        InvitedOn = Date(i.InvitedOn),
        PeriodStart = Date(i.PeriodStart),
        PeriodEnd = Date(i.PeriodEnd),
        OfficeId = i.OfficeId,
        IntroductionGroup = i.IntroductionGroup,
        Status = (InvitationStatus)(int)i.Status,
        Reason = i.Reason ?? string.Empty,
        AnsweredOn = i.AnsweredOn is { } on ? Date(on) : string.Empty,
    };

    public static Coverage ToMessage(this CoverageRecord c)
    {
        var message = new Coverage
        {
            CycleStart = Date(c.CycleStart),
            CycleEnd = Date(c.CycleEnd),
            AsOf = Date(c.AsOf),
            MonthsLeft = c.MonthsLeft,
            NeededPerMonth = c.NeededPerMonth,
            National = c.National.ToMessage(),
            Waves = c.Waves,
        };
        message.Offices.AddRange(c.Offices.Select(ToMessage));
        return message;
    }

    private static Contracts.V1.CoverageLine ToMessage(this CoverageLineRecord l)
    {
        var line = new Contracts.V1.CoverageLine
        {
            OfficeId = l.OfficeId,
            Huvudman = l.Huvudman,
            Invited = l.Invited,
            Open = l.Open,
            Accepted = l.Accepted,
            Declined = l.Declined,
            NoAnswer = l.NoAnswer,
            Booked = l.Booked,
            Held = l.Held,
            NotYetInvited = l.NotYetInvited,
            ShareReached = l.ShareReached,
        };
        if (l.AcceptanceObserved is { } observed)
        {
            line.AcceptanceObserved = observed;
        }

        return line;
    }

    private static Contracts.V1.IntroductionGroup ToMessage(this IntroductionGroupRecord g)
    {
        var group = new Contracts.V1.IntroductionGroup { GroupId = g.GroupId, OfficeId = g.OfficeId };
        group.HuvudmanIds.AddRange(g.HuvudmanIds);
        return group;
    }

    // Introduction meetings: the group meeting a wave books once per group.
    public static IntroductionSlot ToMessage(this IntroductionSlotRecord s)
    {
        var slot = new IntroductionSlot
        {
            OfficeId = s.OfficeId, Date = Date(s.Date), LocalStart = Clock(s.StartMinute), LocalEnd = Clock(s.EndMinute),
            StartTime = Timestamp.FromDateTimeOffset(s.StartUtc), EndTime = Timestamp.FromDateTimeOffset(s.EndUtc),
        };
        slot.AdvisorIds.AddRange(s.AdvisorIds);
        return slot;
    }

    public static Contracts.V1.IntroductionMeeting ToMessage(this IntroductionMeetingRecord m)
    {
        var message = new Contracts.V1.IntroductionMeeting
        {
            MeetingId = m.MeetingId,
            RequestId = m.RequestId,
            WaveId = m.WaveId,
            GroupId = m.GroupId,
            Slot = new IntroductionSlotRecord(m.OfficeId, m.Date, m.StartMinute, m.EndMinute, m.AdvisorIds, m.StartUtc, m.EndUtc).ToMessage(),
            BookedAt = Timestamp.FromDateTimeOffset(m.BookedAt),
            CancelledAt = m.CancelledAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        message.HuvudmanIds.AddRange(m.HuvudmanIds);
        return message;
    }

    public static IntroductionGroupMeeting ToMessage(this IntroductionGroupMeetingRecord g) =>
        new() { Group = new IntroductionGroupRecord(g.GroupId, g.OfficeId, g.HuvudmanIds).ToMessage(), Meeting = g.Meeting?.ToMessage() };
}
