using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.Gateway.Security;
using Planering.Silo.Tokens;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;
using Planering.TestSupport;

namespace Planering.Gateway.Tests;

/// <summary>
/// Who may call what: no token is UNAUTHENTICATED, a token without the method's role is PERMISSION_DENIED, both change
/// nothing; each role reaches exactly the methods of README.md's table.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class SecurityTests(ApiFixture api)
{
    private const string Kommun = "1980";

    private static int _next = Random.Shared.Next(0, 90_000_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"8{Interlocked.Increment(ref _next):D8}").Value;

    /// <summary>The expected table, written out here so that a change to the product's policies shows as a failure.</summary>
    private static readonly Dictionary<string, string[]> Admitted = new(StringComparer.Ordinal)
    {
        ["RegistryService/UpsertHuvudman"] = [ApiRoles.Scheduler],
        ["RegistryService/GetHuvudman"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["RegistryService/ListHuvudman"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["RegistryService/UpsertOffice"] = [ApiRoles.Planner],
        ["RegistryService/GetOffice"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["RegistryService/ListOffices"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["RegistryService/SetStaffing"] = [ApiRoles.Planner],
        ["RegistryService/ImportHuvudman"] = [ApiRoles.Planner],
        ["SchedulingService/FindNextSlot"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["SchedulingService/BookDialogue"] = [ApiRoles.Scheduler],
        ["SchedulingService/CancelDialogue"] = [ApiRoles.Scheduler],
        ["SchedulingService/ListDialogues"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["SchedulingService/SetSchoolHoliday"] = [ApiRoles.Scheduler],
        ["SchedulingService/GetSchoolHolidays"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["SchedulingService/ImportSchoolCalendars"] = [ApiRoles.Planner],
        ["SchedulingService/GetSchoolCalendarRules"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["SchedulingService/SetSchoolCalendarRules"] = [ApiRoles.Planner],
        ["SchedulingService/ProposeSchedule"] = [ApiRoles.Scheduler],
        ["SchedulingService/GetScheduleProposal"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["SchedulingService/CommitSchedule"] = [ApiRoles.Scheduler],
        ["PlanningService/GetPlan"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["PlanningService/Rebalance"] = [ApiRoles.Planner],
        ["PlanningService/SimulateOpenOffice"] = [ApiRoles.Planner],
        ["PlanningService/RankOfficeSites"] = [ApiRoles.Planner],
        ["PlanningService/CommitScenario"] = [ApiRoles.Planner],
        ["PlanningService/GetPlanningParameters"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["PlanningService/SetPlanningParameters"] = [ApiRoles.Planner],
        ["PlanningService/ProposeInvitationWave"] = [ApiRoles.Planner],
        ["PlanningService/CommitInvitationWave"] = [ApiRoles.Planner],
        ["PlanningService/RecordInvitationAnswer"] = [ApiRoles.Planner],
        ["PlanningService/GetCoverage"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["PlanningService/FindIntroductionSlot"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["PlanningService/BookIntroductionMeeting"] = [ApiRoles.Scheduler],
        ["PlanningService/ListIntroductionMeetings"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["PlanningService/CancelIntroductionMeeting"] = [ApiRoles.Scheduler],
        ["ForecastService/GetCapacityForecast"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
        ["ForecastService/WatchCapacityForecast"] = [ApiRoles.Viewer, ApiRoles.Scheduler, ApiRoles.Planner],
    };

    /// <summary>One call of every method; what it sends depends on the test (a real change, or a malformed request).</summary>
    private sealed record Call(string Method, Func<GrpcChannel, Task> Invoke);

    /// <summary>What the calls that would change something act on: a fresh office, a huvudman, a booking and a scenario.</summary>
    private sealed record World(
        string OfficeId, string Huvudman, Slot FreeSlot, string DialogueId, string ScenarioId, int Year, PlanningParameters? Parameters = null, string WaveId = "sec-none", string GroupId = "none-01",
        string MeetingId = "none.00000000000000000000");

    private async Task<World> ArrangeAsync()
    {
        var officeId = $"s{Guid.NewGuid():N}"[..20];
        await api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Säkerhetskontoret", Kommunkod = Kommun });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "A", Fte = 1 });
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-b", Name = "B", Fte = 1 });
        // The new office re-solves the plan after a debounce; StateDigest.ReadSettledAsync waits for that re-solve to end.
        await api.Registry.SetStaffingAsync(staffing);
        var huvudman = NewOrganisationNumber();
        await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = huvudman, Name = "Låsta skolan AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 300 });
        var year = DateTime.UtcNow.Year + 1;
        var find = new FindNextSlotRequest { HuvudmanId = huvudman, OfficeId = officeId, EarliestDate = $"{year}-03-01", Mode = DialogueMode.Digital };
        var booked = await api.Scheduling.BookDialogueAsync(new BookDialogueRequest
        {
            RequestId = $"sec-{Guid.NewGuid():N}", HuvudmanId = huvudman, Slot = (await api.Scheduling.FindNextSlotAsync(find)).Slot,
        });
        var other = NewOrganisationNumber();
        await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = other, Name = "Andra skolan AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 300 });
        var freeSlot = (await api.Scheduling.FindNextSlotAsync(find.Clone().With(f => f.HuvudmanId = other))).Slot;
        var scenario = await api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = $"Låsby {Guid.NewGuid():N}"[..16], Kommunkod = Kommun, Advisors = 2 });
        var parameters = await api.Planning.GetPlanningParametersAsync(new GetPlanningParametersRequest());

        // A wave of a third huvudman, whose introduction group an admitted BookIntroductionMeeting would book.
        var invited = NewOrganisationNumber();
        await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = invited, Name = "Inbjudna skolan AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 300 });
        var wave = await api.Planning.CommitInvitationWaveAsync(new CommitInvitationWaveRequest
        {
            WaveId = $"sec-{Guid.NewGuid():N}"[..20], PeriodStart = $"{year}-02-01", PeriodEnd = $"{year}-05-31", HuvudmanIds = { invited },
        });
        // …and a booked meeting of that group, which an admitted CancelIntroductionMeeting would cancel.
        var meeting = await api.Planning.BookIntroductionMeetingAsync(new BookIntroductionMeetingRequest
        {
            RequestId = $"sec-{Guid.NewGuid():N}", WaveId = wave.WaveId, GroupId = wave.IntroductionGroups.Single().GroupId,
        });
        return new World(officeId, other, freeSlot, booked.DialogueId, scenario.ScenarioId, year, parameters, wave.WaveId, wave.IntroductionGroups.Single().GroupId, meeting.MeetingId);
    }

    /// <summary>Every method with a request that, admitted, would do its work: the writes would change the state.</summary>
    private static IReadOnlyList<Call> RealCalls(World w) =>
    [
        new("RegistryService/UpsertHuvudman", c => new RegistryService.RegistryServiceClient(c).UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = NewOrganisationNumber(), Name = "Ny AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 10 }).ResponseAsync),
        new("RegistryService/GetHuvudman", c => new RegistryService.RegistryServiceClient(c).GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = w.Huvudman }).ResponseAsync),
        new("RegistryService/ListHuvudman", c => new RegistryService.RegistryServiceClient(c).ListHuvudmanAsync(new ListHuvudmanRequest { Kommunkod = Kommun }).ResponseAsync),
        new("RegistryService/UpsertOffice", c => new RegistryService.RegistryServiceClient(c).UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = w.OfficeId, Name = "Omdöpt", Kommunkod = Kommun }).ResponseAsync),
        new("RegistryService/GetOffice", c => new RegistryService.RegistryServiceClient(c).GetOfficeAsync(new GetOfficeRequest { OfficeId = w.OfficeId }).ResponseAsync),
        new("RegistryService/ListOffices", c => new RegistryService.RegistryServiceClient(c).ListOfficesAsync(new ListOfficesRequest()).ResponseAsync),
        new("RegistryService/SetStaffing", c => new RegistryService.RegistryServiceClient(c).SetStaffingAsync(new SetStaffingRequest { OfficeId = w.OfficeId }).ResponseAsync),
        new("RegistryService/ImportHuvudman", c => Streams.SendAsync(new RegistryService.RegistryServiceClient(c).ImportHuvudman(), new ImportHuvudmanRequest
        {
            Rows = { new UpsertHuvudmanRequest { OrganisationNumber = NewOrganisationNumber(), Name = "Importerad AB", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 10 } },
        })),
        new("SchedulingService/FindNextSlot", c => new SchedulingService.SchedulingServiceClient(c).FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = w.Huvudman, OfficeId = w.OfficeId }).ResponseAsync),
        new("SchedulingService/BookDialogue", c => new SchedulingService.SchedulingServiceClient(c).BookDialogueAsync(new BookDialogueRequest { RequestId = $"sec-{Guid.NewGuid():N}", HuvudmanId = w.Huvudman, Slot = w.FreeSlot }).ResponseAsync),
        new("SchedulingService/CancelDialogue", c => new SchedulingService.SchedulingServiceClient(c).CancelDialogueAsync(new CancelDialogueRequest { DialogueId = w.DialogueId, Reason = "obehörig" }).ResponseAsync),
        new("SchedulingService/ListDialogues", c => new SchedulingService.SchedulingServiceClient(c).ListDialoguesAsync(new ListDialoguesRequest { OfficeId = w.OfficeId }).ResponseAsync),
        new("SchedulingService/SetSchoolHoliday", c => new SchedulingService.SchedulingServiceClient(c).SetSchoolHolidayAsync(new SetSchoolHolidayRequest { Kommunkod = Kommun, Kind = LovKind.Sportlov, Year = w.Year, Week = 11 }).ResponseAsync),
        new("SchedulingService/GetSchoolHolidays", c => new SchedulingService.SchedulingServiceClient(c).GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = Kommun, Year = w.Year }).ResponseAsync),
        new("SchedulingService/ImportSchoolCalendars", c => new SchedulingService.SchedulingServiceClient(c).ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest
        {
            Rows = { new SchoolCalendarRow { Kommunkod = Kommun, SchoolYear = $"{w.Year}/{(w.Year + 1) % 100:00}", Kind = SchoolCalendarPeriodKind.Hostlov, FirstDay = $"{w.Year}-10-19", LastDay = $"{w.Year}-10-23" } },
        }).ResponseAsync),
        new("SchedulingService/GetSchoolCalendarRules", c => new SchedulingService.SchedulingServiceClient(c).GetSchoolCalendarRulesAsync(new GetSchoolCalendarRulesRequest { Kommunkod = Kommun }).ResponseAsync),
        new("SchedulingService/SetSchoolCalendarRules", c => new SchedulingService.SchedulingServiceClient(c).SetSchoolCalendarRulesAsync(new SetSchoolCalendarRulesRequest { Kommunkod = Kommun, Rule = new KommunLovRule { HostlovWeek = 43 } }).ResponseAsync),
        new("SchedulingService/ProposeSchedule", c => Streams.DrainAsync(new SchedulingService.SchedulingServiceClient(c).ProposeSchedule(new ProposeScheduleRequest { OfficeIds = { w.OfficeId }, FromDate = $"{w.Year}-04-12", ToDate = $"{w.Year}-05-12" }))),
        new("SchedulingService/GetScheduleProposal", c => new SchedulingService.SchedulingServiceClient(c).GetScheduleProposalAsync(new GetScheduleProposalRequest { ProposalId = Guid.NewGuid().ToString() }).ResponseAsync),
        new("SchedulingService/CommitSchedule", c => new SchedulingService.SchedulingServiceClient(c).CommitScheduleAsync(new CommitScheduleRequest { ProposalId = Guid.NewGuid().ToString() }).ResponseAsync),
        new("PlanningService/GetPlan", c => new PlanningService.PlanningServiceClient(c).GetPlanAsync(new GetPlanRequest()).ResponseAsync),
        new("PlanningService/Rebalance", c => new PlanningService.PlanningServiceClient(c).RebalanceAsync(new RebalanceRequest()).ResponseAsync),
        new("PlanningService/SimulateOpenOffice", c => new PlanningService.PlanningServiceClient(c).SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Obehörigby", Kommunkod = "2480", Advisors = 2 }).ResponseAsync),
        new("PlanningService/RankOfficeSites", c => Streams.DrainAsync(new PlanningService.PlanningServiceClient(c).RankOfficeSites(new RankOfficeSitesRequest { K = 1 }))),
        new("PlanningService/CommitScenario", c => new PlanningService.PlanningServiceClient(c).CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = w.ScenarioId }).ResponseAsync),
        new("PlanningService/GetPlanningParameters", c => new PlanningService.PlanningServiceClient(c).GetPlanningParametersAsync(new GetPlanningParametersRequest()).ResponseAsync),
        new("PlanningService/SetPlanningParameters", c => new PlanningService.PlanningServiceClient(c).SetPlanningParametersAsync(w.Parameters!.Clone().With(p => p.CycleMonths = 12)).ResponseAsync),
        new("PlanningService/ProposeInvitationWave", c => new PlanningService.PlanningServiceClient(c).ProposeInvitationWaveAsync(new ProposeInvitationWaveRequest { Size = 10, PeriodStart = $"{w.Year}-02-01", PeriodEnd = $"{w.Year}-05-31" }).ResponseAsync),
        new("PlanningService/CommitInvitationWave", c => new PlanningService.PlanningServiceClient(c).CommitInvitationWaveAsync(new CommitInvitationWaveRequest
        {
            WaveId = $"sec-{Guid.NewGuid():N}"[..20], PeriodStart = $"{w.Year}-02-01", PeriodEnd = $"{w.Year}-05-31", HuvudmanIds = { w.Huvudman },
        }).ResponseAsync),
        new("PlanningService/RecordInvitationAnswer", c => new PlanningService.PlanningServiceClient(c).RecordInvitationAnswerAsync(new RecordInvitationAnswerRequest { HuvudmanId = w.Huvudman, Answer = InvitationStatus.Accepted }).ResponseAsync),
        new("PlanningService/GetCoverage", c => new PlanningService.PlanningServiceClient(c).GetCoverageAsync(new GetCoverageRequest()).ResponseAsync),
        new("PlanningService/FindIntroductionSlot", c => new PlanningService.PlanningServiceClient(c).FindIntroductionSlotAsync(new FindIntroductionSlotRequest { WaveId = w.WaveId, GroupId = w.GroupId }).ResponseAsync),
        new("PlanningService/BookIntroductionMeeting", c => new PlanningService.PlanningServiceClient(c).BookIntroductionMeetingAsync(new BookIntroductionMeetingRequest
        {
            RequestId = $"sec-{Guid.NewGuid():N}", WaveId = w.WaveId, GroupId = w.GroupId,
        }).ResponseAsync),
        new("PlanningService/ListIntroductionMeetings", c => new PlanningService.PlanningServiceClient(c).ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = w.WaveId }).ResponseAsync),
        new("PlanningService/CancelIntroductionMeeting", c => new PlanningService.PlanningServiceClient(c).CancelIntroductionMeetingAsync(new CancelIntroductionMeetingRequest { MeetingId = w.MeetingId }).ResponseAsync),
        new("ForecastService/GetCapacityForecast", c => new ForecastService.ForecastServiceClient(c).GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 100 }).ResponseAsync),
        new("ForecastService/WatchCapacityForecast", c => Streams.FirstAsync(new ForecastService.ForecastServiceClient(c).WatchCapacityForecast(new WatchCapacityForecastRequest()))),
    ];

    /// <summary>Every method with a request its own checks refuse (or a read): admitted, it still changes nothing.</summary>
    private static IReadOnlyList<Call> HarmlessCalls() =>
    [
        new("RegistryService/UpsertHuvudman", c => new RegistryService.RegistryServiceClient(c).UpsertHuvudmanAsync(new UpsertHuvudmanRequest()).ResponseAsync),
        new("RegistryService/GetHuvudman", c => new RegistryService.RegistryServiceClient(c).GetHuvudmanAsync(new GetHuvudmanRequest()).ResponseAsync),
        new("RegistryService/ListHuvudman", c => new RegistryService.RegistryServiceClient(c).ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = -1 }).ResponseAsync),
        new("RegistryService/UpsertOffice", c => new RegistryService.RegistryServiceClient(c).UpsertOfficeAsync(new UpsertOfficeRequest()).ResponseAsync),
        new("RegistryService/GetOffice", c => new RegistryService.RegistryServiceClient(c).GetOfficeAsync(new GetOfficeRequest()).ResponseAsync),
        new("RegistryService/ListOffices", c => new RegistryService.RegistryServiceClient(c).ListOfficesAsync(new ListOfficesRequest()).ResponseAsync),
        new("RegistryService/SetStaffing", c => new RegistryService.RegistryServiceClient(c).SetStaffingAsync(new SetStaffingRequest()).ResponseAsync),
        new("RegistryService/ImportHuvudman", c => Streams.SendAsync(new RegistryService.RegistryServiceClient(c).ImportHuvudman(), new ImportHuvudmanRequest())),
        new("SchedulingService/FindNextSlot", c => new SchedulingService.SchedulingServiceClient(c).FindNextSlotAsync(new FindNextSlotRequest()).ResponseAsync),
        new("SchedulingService/BookDialogue", c => new SchedulingService.SchedulingServiceClient(c).BookDialogueAsync(new BookDialogueRequest()).ResponseAsync),
        new("SchedulingService/CancelDialogue", c => new SchedulingService.SchedulingServiceClient(c).CancelDialogueAsync(new CancelDialogueRequest()).ResponseAsync),
        new("SchedulingService/ListDialogues", c => new SchedulingService.SchedulingServiceClient(c).ListDialoguesAsync(new ListDialoguesRequest { PageSize = -1 }).ResponseAsync),
        new("SchedulingService/SetSchoolHoliday", c => new SchedulingService.SchedulingServiceClient(c).SetSchoolHolidayAsync(new SetSchoolHolidayRequest()).ResponseAsync),
        new("SchedulingService/GetSchoolHolidays", c => new SchedulingService.SchedulingServiceClient(c).GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest()).ResponseAsync),
        new("SchedulingService/ImportSchoolCalendars", c => new SchedulingService.SchedulingServiceClient(c).ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest()).ResponseAsync),
        new("SchedulingService/GetSchoolCalendarRules", c => new SchedulingService.SchedulingServiceClient(c).GetSchoolCalendarRulesAsync(new GetSchoolCalendarRulesRequest()).ResponseAsync),
        new("SchedulingService/SetSchoolCalendarRules", c => new SchedulingService.SchedulingServiceClient(c).SetSchoolCalendarRulesAsync(new SetSchoolCalendarRulesRequest()).ResponseAsync),
        new("SchedulingService/ProposeSchedule", c => Streams.DrainAsync(new SchedulingService.SchedulingServiceClient(c).ProposeSchedule(new ProposeScheduleRequest()))),
        new("SchedulingService/GetScheduleProposal", c => new SchedulingService.SchedulingServiceClient(c).GetScheduleProposalAsync(new GetScheduleProposalRequest()).ResponseAsync),
        new("SchedulingService/CommitSchedule", c => new SchedulingService.SchedulingServiceClient(c).CommitScheduleAsync(new CommitScheduleRequest()).ResponseAsync),
        new("PlanningService/GetPlan", c => new PlanningService.PlanningServiceClient(c).GetPlanAsync(new GetPlanRequest()).ResponseAsync),

        // Rebalance has no input to get wrong; on the settled live plan a re-solve moves nobody.
        new("PlanningService/Rebalance", c => new PlanningService.PlanningServiceClient(c).RebalanceAsync(new RebalanceRequest()).ResponseAsync),
        new("PlanningService/SimulateOpenOffice", c => new PlanningService.PlanningServiceClient(c).SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest()).ResponseAsync),
        new("PlanningService/RankOfficeSites", c => Streams.DrainAsync(new PlanningService.PlanningServiceClient(c).RankOfficeSites(new RankOfficeSitesRequest { K = -1 }))),
        new("PlanningService/CommitScenario", c => new PlanningService.PlanningServiceClient(c).CommitScenarioAsync(new CommitScenarioRequest()).ResponseAsync),
        new("PlanningService/GetPlanningParameters", c => new PlanningService.PlanningServiceClient(c).GetPlanningParametersAsync(new GetPlanningParametersRequest()).ResponseAsync),

        // A set without a version is refused before anything is read or changed.
        new("PlanningService/SetPlanningParameters", c => new PlanningService.PlanningServiceClient(c).SetPlanningParametersAsync(new PlanningParameters()).ResponseAsync),
        new("PlanningService/ProposeInvitationWave", c => new PlanningService.PlanningServiceClient(c).ProposeInvitationWaveAsync(new ProposeInvitationWaveRequest()).ResponseAsync),
        new("PlanningService/CommitInvitationWave", c => new PlanningService.PlanningServiceClient(c).CommitInvitationWaveAsync(new CommitInvitationWaveRequest()).ResponseAsync),
        new("PlanningService/RecordInvitationAnswer", c => new PlanningService.PlanningServiceClient(c).RecordInvitationAnswerAsync(new RecordInvitationAnswerRequest()).ResponseAsync),
        new("PlanningService/GetCoverage", c => new PlanningService.PlanningServiceClient(c).GetCoverageAsync(new GetCoverageRequest()).ResponseAsync),
        new("PlanningService/FindIntroductionSlot", c => new PlanningService.PlanningServiceClient(c).FindIntroductionSlotAsync(new FindIntroductionSlotRequest()).ResponseAsync),
        new("PlanningService/BookIntroductionMeeting", c => new PlanningService.PlanningServiceClient(c).BookIntroductionMeetingAsync(new BookIntroductionMeetingRequest()).ResponseAsync),
        new("PlanningService/ListIntroductionMeetings", c => new PlanningService.PlanningServiceClient(c).ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest()).ResponseAsync),
        new("PlanningService/CancelIntroductionMeeting", c => new PlanningService.PlanningServiceClient(c).CancelIntroductionMeetingAsync(new CancelIntroductionMeetingRequest()).ResponseAsync),
        new("ForecastService/GetCapacityForecast", c => new ForecastService.ForecastServiceClient(c).GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = -1 }).ResponseAsync),
        new("ForecastService/WatchCapacityForecast", c => Streams.FirstAsync(new ForecastService.ForecastServiceClient(c).WatchCapacityForecast(new WatchCapacityForecastRequest { OfficeIds = { "" } }))),
    ];

    private Task<StateDigest> DigestAsync(World w) => StateDigest.ReadAsync(api, [(Kommun, w.Year)]);

    [Fact]
    public void The_table_covers_every_method_of_the_four_services()
    {
        var methods = new[] { RegistryService.Descriptor, SchedulingService.Descriptor, PlanningService.Descriptor, ForecastService.Descriptor }
            .SelectMany(s => s.Methods.Select(m => $"{s.Name}/{m.Name}")).Order(StringComparer.Ordinal);

        Assert.Equal(methods, Admitted.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Admitted.Keys.Order(StringComparer.Ordinal), HarmlessCalls().Select(c => c.Method).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_method_refuses_a_call_without_a_token_or_with_a_bad_one_as_UNAUTHENTICATED_and_nothing_changes()
    {
        var world = await ArrangeAsync();
        var before = await StateDigest.ReadSettledAsync(api, [(Kommun, world.Year)]);
        var key = SigningKeys.Resolve(new AuthOptions(), new ConfigurationBuilder().AddCommandLine(api.Settings).Build());
        var now = DateTimeOffset.UtcNow;
        var tokens = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TOKEN_MISSING"] = null,
            ["TOKEN_EXPIRED"] = TokenMinter.Mint(key, "planering", "planering", "late", [.. ApiRoles.All], TimeSpan.FromHours(1), now.AddHours(-3)),
            ["TOKEN_INVALID"] = TokenMinter.Mint(new byte[32], "planering", "planering", "forger", [.. ApiRoles.All], TimeSpan.FromHours(1), now),
        };

        foreach (var (reason, token) in tokens)
        {
            using var channel = api.ChannelWith(token);
            foreach (var call in RealCalls(world))
            {
                var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => call.Invoke(channel));
                Assert.True(reason == RpcAssert.ReasonOf(error), $"{call.Method} with {reason}: {RpcAssert.ReasonOf(error)}");
            }
        }

        // Another audience is not this service's token either, however well signed.
        using (var elsewhere = api.ChannelWith(TokenMinter.Mint(key, "planering", "someone-else", "stray", [.. ApiRoles.All], TimeSpan.FromHours(1), now)))
        {
            var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => RealCalls(world)[0].Invoke(elsewhere));
            Assert.Equal("TOKEN_INVALID", RpcAssert.ReasonOf(error));
        }

        Assert.Equal(before, await DigestAsync(world));
        Assert.NotNull(await api.Logs.WaitForAsync(e => e.Message.Contains("refused as unauthenticated (TOKEN_EXPIRED)", StringComparison.Ordinal), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_token_without_the_methods_role_is_PERMISSION_DENIED_naming_the_role_and_nothing_changes()
    {
        var world = await ArrangeAsync();
        var before = await StateDigest.ReadSettledAsync(api, [(Kommun, world.Year)]);

        foreach (var role in ApiRoles.All)
        {
            using var channel = api.ChannelWith(api.MintToken($"only-{role}", role));
            foreach (var call in RealCalls(world).Where(c => !Admitted[c.Method].Contains(role)))
            {
                var error = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => call.Invoke(channel));
                Assert.Equal("ROLE_REQUIRED", RpcAssert.ReasonOf(error));
                Assert.Equal(string.Join(",", Admitted[call.Method]), error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["roles"]);
            }
        }

        Assert.Equal(before, await DigestAsync(world));
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_methods_the_table_gives_it()
    {
        foreach (var role in ApiRoles.All)
        {
            using var channel = api.ChannelWith(api.MintToken($"reach-{role}", role));
            foreach (var call in HarmlessCalls())
            {
                StatusCode status;
                try
                {
                    await call.Invoke(channel);
                    status = StatusCode.OK;
                }
                catch (RpcException error)
                {
                    status = error.StatusCode;
                }

                var expected = Admitted[call.Method].Contains(role);
                Assert.True(expected == status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated), $"{role} on {call.Method}: {status}");
            }
        }
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_a_token()
    {
        using var anonymous = api.ChannelWith(null);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest())).Status);
        using var reflection = new ServerReflection.ServerReflectionClient(anonymous).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("planering.v1.SchedulingService", reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task Mint_token_prints_a_token_this_host_accepts_for_exactly_its_roles()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = MintTokenCommand.Run(["--role", "viewer", "--subject", "alice", "--hours", "1", .. api.Settings], output, error, TimeProvider.System);

        Assert.Equal(0, exit);
        using var channel = api.ChannelWith(output.ToString().Trim());
        var registry = new RegistryService.RegistryServiceClient(channel);
        Assert.NotEmpty((await registry.ListOfficesAsync(new ListOfficesRequest())).Offices);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "alice", Name = "Alice", Kommunkod = Kommun }).ResponseAsync);
    }

    [Theory]
    [InlineData("--role", "admin")]
    [InlineData("--subject", "")]
    [InlineData("--hours", "0")]
    [InlineData("--hours", "100000")]
    public void Mint_token_refuses_what_it_cannot_mint_and_says_why(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = option == "--role" ? [option, value] : ["--role", "viewer", option, value];

        var exit = MintTokenCommand.Run([.. args, .. api.Settings], output, error, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.StartsWith("mint-token: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_mint_token_creates_one_readable_by_its_owner_only_and_reuses_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"planering-mint-{Guid.NewGuid():N}");
        try
        {
            string[] settings = [$"--Planering:Storage:SqlitePath={Path.Combine(directory, "planering.db")}"];
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, MintTokenCommand.Run(["--role", "planner", .. settings], output, error, TimeProvider.System));

            var keyFile = Path.Combine(directory, AuthOptions.DefaultKeyFileName);
            var key = File.ReadAllText(keyFile);
            Assert.Equal(AuthOptions.MinKeyBytes, Convert.FromBase64String(key.Trim()).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            Assert.Equal(0, MintTokenCommand.Run(["--role", "planner", .. settings], output, error, TimeProvider.System));
            Assert.Equal(key, File.ReadAllText(keyFile));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Cluster_mode_refuses_to_start_without_a_shared_key_and_a_bad_key_is_named()
    {
        string[] cluster = ["--Planering:Cluster:Mode=AdoNet", "--Planering:Storage:PostgreSqlConnectionString=Host=127.0.0.1;Database=planering"];

        var keyless = Assert.Throws<OptionsValidationException>(() => GatewayHost.Build(cluster));
        Assert.Contains("Planering:Auth", keyless.Message, StringComparison.Ordinal);

        var shortKey = Assert.Throws<OptionsValidationException>(() => GatewayHost.Build([.. cluster, $"--Planering:Auth:SigningKey={Convert.ToBase64String(new byte[16])}"]));
        Assert.Contains("Planering:Auth:SigningKey", shortKey.Message, StringComparison.Ordinal);

        var missingFile = Assert.Throws<OptionsValidationException>(() => GatewayHost.Build([.. cluster, "--Planering:Auth:SigningKeyFile=/nonexistent/planering.key"]));
        Assert.Contains("Planering:Auth:SigningKeyFile", missingFile.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_auth_turned_off_a_gateway_serves_calls_without_a_token()
    {
        await using var gateway = GatewayHost.Build([
            .. api.Settings,
            "--Planering:Auth:Enabled=false",
            "--Planering:Api:Port=0",
            $"--Planering:Cluster:GatewayPort={api.GatewayPort.ToString(CultureInfo.InvariantCulture)}",
        ]);
        await gateway.StartAsync();
        using var channel = GrpcChannel.ForAddress(PlaneringTestHost.AddressOf(gateway));

        Assert.NotEmpty((await new RegistryService.RegistryServiceClient(channel).ListOfficesAsync(new ListOfficesRequest())).Offices);
        await gateway.StopAsync();
    }
}
