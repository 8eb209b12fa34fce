namespace Planering.Domain.Invitations;

/// <summary>A huvudman as the coverage counts it: its office, its last held and next booked dialogue, its latest invitation.</summary>
public sealed record CoverageHuvudman(string Id, string? OfficeId, DateOnly? LastHeld, DateOnly? Booked, Invitation? LatestInvitation);

/// <summary>
/// How far one office (or the nation) has come with the mandate's current cycle. A huvudman is <b>reached</b> once it has
/// been offered a dialogue in the cycle (invited) or held one in it; the mandate is met when every huvudman is reached
/// by the cycle's end. Invited splits into open, accepted, declined and no answer; held and booked count dialogues.
/// </summary>
public sealed record CoverageLine(
    string OfficeId,
    int Huvudman,
    int Invited,
    int Open,
    int Accepted,
    int Declined,
    int NoAnswer,
    int Booked,
    int Held,
    int NotYetInvited)
{
    /// <summary>Reached (invited or held in the cycle) over all huvudmän; 1 when there are none.</summary>
    public double ShareReached => Huvudman == 0 ? 1 : (double)(Huvudman - NotYetInvited) / Huvudman;

    /// <summary>Accepted over answered (accepted, declined, no answer); null before any answer.</summary>
    public double? AcceptanceObserved => Accepted + Declined + NoAnswer == 0 ? null : (double)Accepted / (Accepted + Declined + NoAnswer);
}

/// <summary>The coverage of the current cycle per office and nationally, and the pace needed to reach the rest in time.</summary>
/// <param name="NeededPerMonth">Huvudmän still to invite per month to reach every one by the cycle's end (all of them when it has ended).</param>
public sealed record CoverageReport(
    MandateCycle Cycle, DateOnly AsOf, double MonthsLeft, double NeededPerMonth, IReadOnlyList<CoverageLine> Offices, CoverageLine National);

public static class MandateCoverage
{
    /// <summary>The id of the national line.</summary>
    public const string NationalId = "national";

    /// <summary>The id of the line of huvudmän not assigned to any office (no office has staff for them yet).</summary>
    public const string UnassignedId = "unassigned";

    public static CoverageReport Compute(IReadOnlyList<CoverageHuvudman> huvudman, MandateCycle cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(huvudman);
        ArgumentNullException.ThrowIfNull(cycle);
        var offices = huvudman.GroupBy(h => h.OfficeId ?? UnassignedId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, g, cycle, today))
            .ToList();
        var national = Line(NationalId, huvudman, cycle, today);
        var monthsLeft = cycle.MonthsLeft(today);
        var needed = monthsLeft >= 1 ? national.NotYetInvited / monthsLeft : national.NotYetInvited;
        return new CoverageReport(cycle, today, monthsLeft, needed, offices, national);
    }

    private static CoverageLine Line(string officeId, IEnumerable<CoverageHuvudman> huvudman, MandateCycle cycle, DateOnly today)
    {
        int total = 0, invited = 0, open = 0, accepted = 0, declined = 0, noAnswer = 0, booked = 0, held = 0, notYet = 0;
        foreach (var h in huvudman)
        {
            total++;
            var wasHeld = h.LastHeld is { } last && last >= cycle.Start && last <= today;
            var isBooked = h.Booked is { } next && cycle.Contains(next);
            var invitation = h.LatestInvitation is { } i && cycle.Contains(i.InvitedOn) ? i : null;
            held += wasHeld ? 1 : 0;
            booked += isBooked ? 1 : 0;
            if (invitation is not null)
            {
                invited++;
                switch (invitation.Status)
                {
                    case InvitationStatus.Open: open++; break;
                    case InvitationStatus.Accepted: accepted++; break;
                    case InvitationStatus.Declined: declined++; break;
                    case InvitationStatus.NoAnswer: noAnswer++; break;
                }
            }

            if (invitation is null && !wasHeld && !isBooked)
            {
                notYet++;
            }
        }

        return new CoverageLine(officeId, total, invited, open, accepted, declined, noAnswer, booked, held, notYet);
    }
}
