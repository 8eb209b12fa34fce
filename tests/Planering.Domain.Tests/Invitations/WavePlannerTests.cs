using Planering.Domain.Errors;
using Planering.Domain.Invitations;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;

namespace Planering.Domain.Tests.Invitations;

public sealed class WavePlannerTests
{
    private static readonly DateOnly Today = new(2027, 1, 11);
    private static readonly WaveRequest Spring = new(60, new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 15), []);

    private static InvitationCandidate Candidate(string id, string office, HuvudmanType type = HuvudmanType.Independent, int pupils = 300,
        DateOnly? last = null, DateOnly? booked = null, Invitation? invitation = null) =>
        new(id, $"Skola {id}", type, pupils, office, last, booked, invitation);

    private static Invitation Invited(string id, string office, DateOnly on, InvitationStatus status = InvitationStatus.Open) =>
        new(id, "w1", on, on.AddMonths(1), on.AddMonths(5), office, $"{office}-01", status);

    [Fact]
    public void Offices_get_shares_of_the_wave_in_proportion_to_their_dialogue_capacity()
    {
        var candidates = Enumerable.Range(0, 200).Select(i => Candidate($"a{i:D3}", "alfa"))
            .Concat(Enumerable.Range(0, 200).Select(i => Candidate($"b{i:D3}", "beta"))).ToList();

        var wave = WavePlanner.Propose(Spring, candidates, [new WaveOffice("alfa", 300), new WaveOffice("beta", 100)], PlanningParameters.Default, Today);

        Assert.Equal(60, wave.Invitees.Count);
        Assert.Equal(45, wave.Invitees.Count(i => i.OfficeId == "alfa"));
        Assert.Equal(15, wave.Invitees.Count(i => i.OfficeId == "beta"));
        Assert.Equal(0.75, wave.Offices.Single(o => o.OfficeId == "alfa").CapacityShare, 9);
        Assert.All(wave.Invitees, i => Assert.Contains("of the chosen offices' dialogue capacity", i.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void An_office_with_too_few_eligible_gives_the_rest_of_its_share_to_the_others()
    {
        var candidates = Enumerable.Range(0, 5).Select(i => Candidate($"a{i}", "alfa"))
            .Concat(Enumerable.Range(0, 200).Select(i => Candidate($"b{i:D3}", "beta"))).ToList();

        var wave = WavePlanner.Propose(Spring, candidates, [new WaveOffice("alfa", 300), new WaveOffice("beta", 100)], PlanningParameters.Default, Today);

        Assert.Equal((5, 55), (wave.Invitees.Count(i => i.OfficeId == "alfa"), wave.Invitees.Count(i => i.OfficeId == "beta")));
    }

    [Fact]
    public void The_wave_keeps_the_pools_mix_of_type_and_size_and_takes_the_earliest_due_first()
    {
        // 30 public (15 large), 90 independent small; due dates: the lower the number, the longer ago the last dialogue.
        var candidates = new List<InvitationCandidate>();
        for (var i = 0; i < 30; i++)
        {
            candidates.Add(Candidate($"p{i:D2}", "alfa", HuvudmanType.Municipal, i < 15 ? 9_000 : 300, last: new DateOnly(2022, 1, 1).AddDays(i)));
        }

        for (var i = 0; i < 90; i++)
        {
            candidates.Add(Candidate($"e{i:D2}", "alfa", HuvudmanType.Independent, 300, last: new DateOnly(2022, 1, 1).AddDays(i)));
        }

        var wave = WavePlanner.Propose(Spring with { Size = 40 }, candidates, [new WaveOffice("alfa", 100)], PlanningParameters.Default, Today);

        Assert.Equal(40, wave.Invitees.Count);
        Assert.Equal(5, wave.Invitees.Count(i => i.Kind == OwnerKind.Public && i.Size == SizeBand.Large));
        Assert.Equal(5, wave.Invitees.Count(i => i.Kind == OwnerKind.Public && i.Size == SizeBand.Small));
        Assert.Equal(30, wave.Invitees.Count(i => i.Kind == OwnerKind.Independent));
        // Earliest due first within each group: the independent ones taken are e00–e29.
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"e{i:D2}"), wave.Invitees.Where(i => i.Kind == OwnerKind.Independent).Select(i => i.HuvudmanId).Order(StringComparer.Ordinal));
        Assert.Contains("number 1 by due date", wave.Invitees.Single(i => i.HuvudmanId == "e00").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_someone_with_a_dialogue_booked_an_open_invitation_a_decline_this_cycle_or_not_yet_due()
    {
        InvitationCandidate[] candidates =
        [
            Candidate("booked", "alfa", booked: new DateOnly(2027, 3, 1)),
            Candidate("open", "alfa", invitation: Invited("open", "alfa", new DateOnly(2026, 11, 1))),
            Candidate("accepted", "alfa", invitation: Invited("accepted", "alfa", new DateOnly(2026, 11, 1), InvitationStatus.Accepted)),
            Candidate("declined", "alfa", invitation: Invited("declined", "alfa", new DateOnly(2026, 5, 1), InvitationStatus.Declined)),
            Candidate("recent", "alfa", last: new DateOnly(2026, 1, 1)),
            Candidate("declined-long-ago", "alfa", invitation: Invited("declined-long-ago", "alfa", new DateOnly(2023, 9, 1), InvitationStatus.Declined)),
            Candidate("held-after-accepting", "alfa", last: new DateOnly(2023, 12, 1), invitation: Invited("held-after-accepting", "alfa", new DateOnly(2023, 9, 1), InvitationStatus.Accepted)),
            Candidate("never", "alfa"),
        ];

        var wave = WavePlanner.Propose(Spring, candidates, [new WaveOffice("alfa", 100)], PlanningParameters.Default, Today);

        Assert.Equal(["declined-long-ago", "held-after-accepting", "never"], wave.Invitees.Select(i => i.HuvudmanId).Order(StringComparer.Ordinal));
        Assert.Equal(new WaveExclusions(1, 2, 1, 1), wave.Excluded);
    }

    [Fact]
    public void Invitees_are_grouped_for_one_digital_introduction_per_group_of_the_parameters_size()
    {
        var candidates = Enumerable.Range(0, 20).Select(i => Candidate($"a{i:D2}", "alfa")).ToList();
        var parameters = PlanningParameters.Default with { Workload = PlanningParameters.Default.Workload with { StartMeetingHuvudmanPerGroup = 8 } };

        var wave = WavePlanner.Propose(Spring with { Size = 20 }, candidates, [new WaveOffice("alfa", 100)], parameters, Today);

        Assert.Equal([8, 8, 4], wave.Groups.Select(g => g.HuvudmanIds.Count));
        Assert.Equal(wave.Invitees.Select(i => i.HuvudmanId).Order(StringComparer.Ordinal), wave.Groups.SelectMany(g => g.HuvudmanIds).Order(StringComparer.Ordinal));
        Assert.All(wave.Invitees, i => Assert.Contains(i.HuvudmanId, wave.Groups.Single(g => g.GroupId == i.IntroductionGroup).HuvudmanIds));
    }

    [Fact]
    public void Expected_acceptances_follow_the_take_up_rate_of_each_kind()
    {
        InvitationCandidate[] candidates = [Candidate("k", "alfa", HuvudmanType.Municipal), Candidate("e", "alfa", HuvudmanType.Independent)];
        var parameters = PlanningParameters.Default with { AcceptanceRatePublic = 0.9, AcceptanceRateIndependent = 0.5 };

        var wave = WavePlanner.Propose(Spring, candidates, [new WaveOffice("alfa", 100)], parameters, Today);

        Assert.Equal(1.4, wave.ExpectedAccepted, 9);
    }

    [Fact]
    public void A_request_that_cannot_be_planned_names_its_fields_and_offices_without_capacity_are_a_rule()
    {
        var bad = Assert.Throws<PlaneringException>(() => WavePlanner.Propose(
            new WaveRequest(0, new DateOnly(2027, 6, 1), new DateOnly(2026, 5, 1), ["a", "a"]), [], [new WaveOffice("a", 10)], PlanningParameters.Default, Today));
        Assert.Equal(ErrorCode.InvalidArgument, bad.Code);
        Assert.Equal(["office_ids", "period_end", "size"], bad.Violations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal));

        var none = Assert.Throws<PlaneringException>(() => WavePlanner.Propose(Spring, [Candidate("x", "a")], [new WaveOffice("a", 0)], PlanningParameters.Default, Today));
        Assert.Equal(ErrorCode.RuleViolation, none.Code);
    }

    [Fact]
    public void Apportion_never_exceeds_a_limit_or_the_total_and_gives_largest_remainders_first()
    {
        Assert.Equal([2, 1, 1], WavePlanner.Apportion(4, [(1, 10), (1, 10), (1, 10)]));
        Assert.Equal([3, 7], WavePlanner.Apportion(10, [(9, 3), (1, 100)]));
        Assert.Equal([3, 2], WavePlanner.Apportion(10, [(1, 3), (1, 2)]));
        Assert.Equal([3, 2], WavePlanner.Apportion(5, [(0, 10), (0, 10)]));
    }
}
