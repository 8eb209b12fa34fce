using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Planering.Domain.Errors;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;

namespace Planering.Domain.Invitations;

/// <summary>
/// Chooses the next wave of huvudmän to invite the way the agencies do (DIALOGUE-FACTS: 150–200 at a time, spread over
/// the regions by size and type):
/// <list type="number">
/// <item>who may be invited: not with a dialogue booked, not with an open or accepted invitation, not declined in this
/// cycle (a decline is invited again one cycle after its invitation), and due by the period's end (never held, or
/// held a cycle before);</item>
/// <item>how many per office: the wave's size in proportion to each office's dialogue capacity in the period (the
/// capacity model's slot figure), largest remainder first, never more than an office has eligible (the rest goes to
/// the others, again by capacity);</item>
/// <item>whom within an office: the office's share split over public/independent × size band in proportion to the
/// eligible pool's mix (so the wave has the pool's balance), earliest due first within each group;</item>
/// <item>introductions: each office's invitees in groups of the introduction's group size, one digital meeting each.</item>
/// </list>
/// Every step is deterministic: the same world gives the same wave.
/// </summary>
public static class WavePlanner
{
    public static WaveProposal Propose(
        WaveRequest request, IReadOnlyList<InvitationCandidate> candidates, IReadOnlyList<WaveOffice> offices, PlanningParameters parameters, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(offices);
        ArgumentNullException.ThrowIfNull(parameters);
        Validate(request, today);

        var chosen = offices.Where(o => request.OfficeIds.Count == 0 || request.OfficeIds.Contains(o.OfficeId, StringComparer.Ordinal))
            .OrderBy(o => o.OfficeId, StringComparer.Ordinal).ToList();
        var totalCapacity = chosen.Sum(o => (long)Math.Max(0, o.DialogueCapacity));
        if (totalCapacity == 0)
        {
            throw new PlaneringException(ErrorCode.RuleViolation,
                "no chosen office can hold a dialogue in the period (no staff, or only school holidays): choose other offices or another period",
                "NO_CAPACITY_IN_PERIOD");
        }

        var reference = parameters.Workload.SizeReferencePupils;
        var byOffice = chosen.ToDictionary(o => o.OfficeId, _ => new List<Eligible>(), StringComparer.Ordinal);
        int booked = 0, open = 0, declined = 0, notDue = 0;
        foreach (var c in candidates)
        {
            if (!byOffice.TryGetValue(c.OfficeId, out var pool))
            {
                continue;
            }

            switch (Eligibility(c, parameters, request.PeriodStart, request.PeriodEnd, request.WaveId))
            {
                case Ineligible.DialogueBooked: booked++; break;
                case Ineligible.OpenInvitation: open++; break;
                case Ineligible.DeclinedThisCycle: declined++; break;
                case Ineligible.NotDue: notDue++; break;
                default:
                    pool.Add(new Eligible(c, DueDate(c, parameters), KindOf(c.Type), BandOf(c.Pupils, reference), Hash(c.Id)));
                    break;
            }
        }

        var quotas = Apportion(request.Size, chosen.Select(o => ((double)Math.Max(0, o.DialogueCapacity), byOffice[o.OfficeId].Count)).ToList());
        var invitees = new List<ProposedInvitee>(request.Size);
        var groups = new List<IntroductionGroup>();
        var lines = new List<WaveOfficeLine>(chosen.Count);
        var groupSize = parameters.Workload.StartMeetingHuvudmanPerGroup;
        for (var o = 0; o < chosen.Count; o++)
        {
            var office = chosen[o];
            var pool = byOffice[office.OfficeId];
            var share = (double)Math.Max(0, office.DialogueCapacity) / totalCapacity;
            var picked = PickWithinOffice(pool, quotas[o]);
            lines.Add(new WaveOfficeLine(office.OfficeId, office.DialogueCapacity, share, pool.Count, picked.Count));

            var strata = pool.GroupBy(e => (e.Kind, e.Band)).ToDictionary(g => g.Key, g => g.Count());
            var takenPerStratum = picked.GroupBy(p => (p.Eligible.Kind, p.Eligible.Band)).ToDictionary(g => g.Key, g => g.Count());
            for (var i = 0; i < picked.Count; i++)
            {
                var (e, rank) = picked[i];
                var groupId = string.Create(CultureInfo.InvariantCulture, $"{office.OfficeId}-{(i / groupSize) + 1:D2}");
                if (i % groupSize == 0)
                {
                    groups.Add(new IntroductionGroup(groupId, office.OfficeId, picked.Skip(i).Take(groupSize).Select(p => p.Eligible.Candidate.Id).ToList()));
                }

                var key = (e.Kind, e.Band);
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"{DueText(e.Due, today)}; {office.OfficeId} has {share:P1} of the chosen offices' dialogue capacity in the period and takes {picked.Count} of the wave; "
                    + $"{KindText(e.Kind)}, {BandText(e.Band, reference)}: {takenPerStratum[key]} of the office's {picked.Count}, as the eligible pool has {strata[key]} of {pool.Count}; "
                    + $"number {rank} by due date of {strata[key]} eligible in that group");
                invitees.Add(new ProposedInvitee(
                    e.Candidate.Id, e.Candidate.Name, office.OfficeId, e.Candidate.Type, e.Kind, e.Candidate.Pupils, e.Band, e.Due, groupId,
                    parameters.AcceptanceRateFor(e.Candidate.Type), reason));
            }
        }

        return new WaveProposal(request, invitees, lines, groups, new WaveExclusions(booked, open, declined, notDue), invitees.Sum(i => i.TakeUp));
    }

    /// <summary>
    /// Why a huvudman may not be invited for a period, or <see cref="Ineligible.None"/>: a booked dialogue, a live
    /// invitation (open or accepted, not yet followed by a held dialogue; one of <paramref name="waveId"/> itself does
    /// not count, so that a retried commit finds its own), a decline or silence less than a cycle before the period,
    /// or a dialogue held less than a cycle before the period's end.
    /// </summary>
    public static Ineligible Eligibility(InvitationCandidate c, PlanningParameters parameters, DateOnly periodStart, DateOnly periodEnd, string? waveId = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(parameters);
        var cycle = parameters.CycleMonthsFor(c.Id);
        var invitation = c.LatestInvitation is { } own && own.WaveId == waveId ? null : c.LatestInvitation;
        var heldSince = invitation is not null && c.LastDialogue is { } last && last >= invitation.InvitedOn;
        if (c.BookedDialogue is not null)
        {
            return Ineligible.DialogueBooked;
        }

        if (invitation is { IsLive: true } && !heldSince)
        {
            return Ineligible.OpenInvitation;
        }

        if (invitation is { IsLive: false } && !heldSince && invitation.InvitedOn.AddMonths(cycle) > periodStart)
        {
            return Ineligible.DeclinedThisCycle;
        }

        return c.LastDialogue is { } held && held.AddMonths(cycle) > periodEnd ? Ineligible.NotDue : Ineligible.None;
    }

    /// <summary>When the huvudman's dialogue is due: a cycle after the last one, or after a decline; null when it never had one.</summary>
    public static DateOnly? DueDate(InvitationCandidate c, PlanningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(parameters);
        var cycle = parameters.CycleMonthsFor(c.Id);
        if (c.LatestInvitation is { IsLive: false } declined && !(c.LastDialogue is { } after && after >= declined.InvitedOn))
        {
            return declined.InvitedOn.AddMonths(cycle);
        }

        return c.LastDialogue?.AddMonths(cycle);
    }

    /// <summary>
    /// The invitations of a committed wave: each huvudman with its office, in groups of the introduction's size per
    /// office, most overdue first (as <see cref="Propose"/> groups them).
    /// </summary>
    public static (IReadOnlyList<Invitation> Invitations, IReadOnlyList<IntroductionGroup> Groups) Invite(
        string waveId, DateOnly committedOn, DateOnly periodStart, DateOnly periodEnd, IReadOnlyList<InvitationCandidate> invitees, PlanningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(invitees);
        ArgumentNullException.ThrowIfNull(parameters);
        var groupSize = parameters.Workload.StartMeetingHuvudmanPerGroup;
        var invitations = new List<Invitation>(invitees.Count);
        var groups = new List<IntroductionGroup>();
        foreach (var office in invitees.GroupBy(c => c.OfficeId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = office.OrderBy(c => DueDate(c, parameters) ?? DateOnly.MinValue).ThenBy(c => Hash(c.Id)).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i += groupSize)
            {
                var groupId = string.Create(CultureInfo.InvariantCulture, $"{office.Key}-{(i / groupSize) + 1:D2}");
                var members = ordered.Skip(i).Take(groupSize).ToList();
                groups.Add(new IntroductionGroup(groupId, office.Key, members.Select(m => m.Id).ToList()));
                invitations.AddRange(members.Select(m => new Invitation(m.Id, waveId, committedOn, periodStart, periodEnd, office.Key, groupId)));
            }
        }

        return (invitations, groups);
    }

    /// <summary>Throws naming every field of a request that cannot be planned.</summary>
    public static void Validate(WaveRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var v = new Violations();
        v.Require(request.Size is >= 1 and <= WaveRequest.MaxSize, "size", $"must be between 1 and {WaveRequest.MaxSize}");
        v.Require(request.PeriodEnd >= request.PeriodStart, "period_end", "must not be before period_start");
        v.Require(request.PeriodEnd >= today, "period_end", "must not lie in the past");
        v.Require(request.PeriodEnd < request.PeriodStart.AddMonths(WaveRequest.MaxPeriodMonths), "period_end", $"must lie within {WaveRequest.MaxPeriodMonths} months of period_start");
        v.Require(request.OfficeIds.Distinct(StringComparer.Ordinal).Count() == request.OfficeIds.Count, "office_ids", "must not name an office twice");
        v.ThrowIfAny();
    }

    public static OwnerKind KindOf(HuvudmanType type) => type == HuvudmanType.Independent ? OwnerKind.Independent : OwnerKind.Public;

    public static SizeBand BandOf(int pupils, int reference) =>
        pupils <= reference ? SizeBand.Small : pupils <= 4 * reference ? SizeBand.Medium : SizeBand.Large;

    /// <summary>
    /// Splits <paramref name="total"/> over parts in proportion to their weights, largest remainder first, each capped at
    /// its limit; what a capped part cannot take goes to the others by weight (and, when all weights are spent, to any
    /// part with room). The result never exceeds the total or a limit.
    /// </summary>
    public static int[] Apportion(int total, IReadOnlyList<(double Weight, int Limit)> parts)
    {
        var result = new int[parts.Count];
        var left = Math.Min(total, parts.Sum(p => Math.Max(0, p.Limit)));
        while (left > 0)
        {
            var open = Enumerable.Range(0, parts.Count).Where(i => result[i] < parts[i].Limit).ToList();
            var weight = open.Sum(i => Math.Max(0, parts[i].Weight));
            var shares = open.ToDictionary(i => i, i => weight > 0 ? left * Math.Max(0, parts[i].Weight) / weight : (double)left / open.Count);
            var given = 0;
            foreach (var i in open)
            {
                var whole = Math.Min((int)Math.Floor(shares[i]), parts[i].Limit - result[i]);
                result[i] += whole;
                given += whole;
            }

            // Largest remainders take one each, in the order of their remainder (then index), while room and seats remain.
            foreach (var i in open.Where(i => result[i] < parts[i].Limit).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i))
            {
                if (given >= left)
                {
                    break;
                }

                result[i]++;
                given++;
            }

            if (given == 0)
            {
                break;
            }

            left -= given;
        }

        return result;
    }

    private static List<(Eligible Eligible, int Rank)> PickWithinOffice(List<Eligible> pool, int quota)
    {
        var strata = pool.GroupBy(e => (e.Kind, e.Band))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Band)
            .Select(g => g.OrderBy(e => e.Due ?? DateOnly.MinValue).ThenBy(e => e.Hash).ThenBy(e => e.Candidate.Id, StringComparer.Ordinal).ToList())
            .ToList();
        var counts = Apportion(quota, strata.Select(s => ((double)s.Count, s.Count)).ToList());
        var picked = new List<(Eligible, int)>(quota);
        for (var s = 0; s < strata.Count; s++)
        {
            picked.AddRange(strata[s].Take(counts[s]).Select((e, i) => (e, i + 1)));
        }

        // The office's invitees in due order, so its first introduction groups hold the most overdue.
        return picked.OrderBy(p => p.Item1.Due ?? DateOnly.MinValue).ThenBy(p => p.Item1.Hash).ThenBy(p => p.Item1.Candidate.Id, StringComparer.Ordinal).ToList();
    }

    private static string DueText(DateOnly? due, DateOnly today) => due switch
    {
        null => "never had a dialogue: due since the mandate began",
        { } d when d <= today => string.Create(CultureInfo.InvariantCulture, $"due since {d:yyyy-MM-dd}"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"due {d:yyyy-MM-dd}, within the period"),
    };

    private static string KindText(OwnerKind kind) => kind == OwnerKind.Independent ? "independent (enskild)" : "public (offentlig)";

    private static string BandText(SizeBand band, int reference) => band switch
    {
        SizeBand.Small => string.Create(CultureInfo.InvariantCulture, $"small (up to {reference} pupils)"),
        SizeBand.Medium => string.Create(CultureInfo.InvariantCulture, $"medium ({reference + 1}–{4 * reference} pupils)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"large (over {4 * reference} pupils)"),
    };

    /// <summary>A stable order among equally due huvudmän that is not alphabetical (names and numbers cluster by kommun).</summary>
    private static uint Hash(string id) => BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    /// <summary>Why a huvudman may not be invited now.</summary>
    public enum Ineligible
    {
        None = 0,
        DialogueBooked = 1,
        OpenInvitation = 2,
        DeclinedThisCycle = 3,
        NotDue = 4,
    }

    private sealed record Eligible(InvitationCandidate Candidate, DateOnly? Due, OwnerKind Kind, SizeBand Band, uint Hash);
}
