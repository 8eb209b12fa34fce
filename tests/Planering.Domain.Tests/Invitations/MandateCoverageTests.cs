using Planering.Domain.Invitations;

namespace Planering.Domain.Tests.Invitations;

public sealed class MandateCoverageTests
{
    [Fact]
    public void The_cycle_containing_a_day_counts_whole_cycles_from_the_mandate_start()
    {
        var start = new DateOnly(2022, 10, 1);
        Assert.Equal(new MandateCycle(start, new DateOnly(2025, 10, 1)), MandateCycle.Containing(start, 36, new DateOnly(2025, 9, 30)));
        Assert.Equal(new MandateCycle(new DateOnly(2025, 10, 1), new DateOnly(2028, 10, 1)), MandateCycle.Containing(start, 36, new DateOnly(2025, 10, 1)));
        Assert.Equal(new MandateCycle(new DateOnly(2025, 10, 1), new DateOnly(2028, 10, 1)), MandateCycle.Containing(start, 36, new DateOnly(2026, 12, 1)));
        Assert.Equal(new MandateCycle(start, new DateOnly(2025, 10, 1)), MandateCycle.Containing(start, 36, new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void Each_huvudman_counts_once_as_reached_or_not_and_invitations_split_by_their_answer()
    {
        var cycle = new MandateCycle(new DateOnly(2025, 10, 1), new DateOnly(2028, 10, 1));
        var today = new DateOnly(2026, 10, 1);
        Invitation Invited(string id, InvitationStatus status, DateOnly? on = null) =>
            new(id, "w", on ?? new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), "alfa", "alfa-01", status);
        CoverageHuvudman[] huvudman =
        [
            new("open", "alfa", null, null, Invited("open", InvitationStatus.Open)),
            new("accepted-booked", "alfa", null, new DateOnly(2026, 11, 3), Invited("accepted-booked", InvitationStatus.Accepted)),
            new("accepted-held", "alfa", new DateOnly(2026, 5, 4), null, Invited("accepted-held", InvitationStatus.Accepted)),
            new("declined", "alfa", null, null, Invited("declined", InvitationStatus.Declined)),
            new("silent", "beta", null, null, Invited("silent", InvitationStatus.NoAnswer)),
            new("held-without-invitation", "beta", new DateOnly(2025, 12, 1), null, null),
            new("held-last-cycle", "beta", new DateOnly(2024, 1, 1), null, null),
            new("invited-last-cycle", "beta", null, null, Invited("invited-last-cycle", InvitationStatus.Declined, new DateOnly(2024, 1, 1))),
            new("never", null, null, null, null),
        ];

        var report = MandateCoverage.Compute(huvudman, cycle, today);

        Assert.Equal(new CoverageLine("national", 9, 5, 1, 2, 1, 1, 1, 2, 3), report.National);
        Assert.Equal(new CoverageLine("alfa", 4, 4, 1, 2, 1, 0, 1, 1, 0), report.Offices.Single(o => o.OfficeId == "alfa"));
        Assert.Equal(2, report.Offices.Single(o => o.OfficeId == "beta").NotYetInvited);
        Assert.Equal(1, report.Offices.Single(o => o.OfficeId == MandateCoverage.UnassignedId).NotYetInvited);
        Assert.Equal(6.0 / 9, report.National.ShareReached, 9);
        Assert.Equal(0.5, report.National.AcceptanceObserved!.Value, 9);
        Assert.Equal(24, report.MonthsLeft, 0);
        Assert.Equal(3 / report.MonthsLeft, report.NeededPerMonth, 9);
    }
}
