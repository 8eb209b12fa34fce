using Planering.Domain.Invitations;

namespace Planering.Grains.Invitations;

internal static class InvitationMapping
{
    public static Invitation ToDomain(this InvitationRecord r) =>
        new(r.HuvudmanId, r.WaveId, r.InvitedOn, r.PeriodStart, r.PeriodEnd, r.OfficeId, r.IntroductionGroup, r.Status, r.Reason, r.AnsweredOn);

    public static InvitationRecord ToRecord(this Invitation i) =>
        new(i.HuvudmanId, i.WaveId, i.InvitedOn, i.PeriodStart, i.PeriodEnd, i.OfficeId, i.IntroductionGroup, i.Status, i.Reason, i.AnsweredOn);

    public static WaveProposalRecord ToRecord(this WaveProposal p, long parametersVersion) => new(
        new WaveRequestRecord(p.Request.Size, p.Request.PeriodStart, p.Request.PeriodEnd, p.Request.OfficeIds),
        p.Invitees.Select(i => new ProposedInviteeRecord(i.HuvudmanId, i.Name, i.OfficeId, i.Type, i.Pupils, i.Size, i.DueDate, i.IntroductionGroup, i.TakeUp, i.Reason)).ToList(),
        p.Offices.Select(o => new WaveOfficeLineRecord(o.OfficeId, o.DialogueCapacity, o.CapacityShare, o.Eligible, o.Proposed)).ToList(),
        p.Groups.Select(g => new IntroductionGroupRecord(g.GroupId, g.OfficeId, g.HuvudmanIds)).ToList(),
        p.Excluded.DialogueBooked,
        p.Excluded.OpenInvitation,
        p.Excluded.DeclinedThisCycle,
        p.Excluded.NotDue,
        p.ExpectedAccepted,
        parametersVersion);

    public static CoverageRecord ToRecord(this CoverageReport r, int waves) => new(
        r.Cycle.Start, r.Cycle.End, r.AsOf, r.MonthsLeft, r.NeededPerMonth, r.Offices.Select(Line).ToList(), Line(r.National), waves);

    private static CoverageLineRecord Line(CoverageLine l) => new(
        l.OfficeId, l.Huvudman, l.Invited, l.Open, l.Accepted, l.Declined, l.NoAnswer, l.Booked, l.Held, l.NotYetInvited, l.ShareReached, l.AcceptanceObserved);
}
