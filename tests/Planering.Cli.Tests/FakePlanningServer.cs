using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>
/// A stand-in PlanningService on a loopback port with fixed answers, so the planner's commands (the progress bar over
/// a server stream, the before/after tables) are exercised over real gRPC before the real service exists. It keeps
/// the last request so a test can see what the CLI sent.
/// </summary>
public sealed class FakePlanningServer : IAsyncLifetime
{
    private WebApplication? _host;

    public string Address { get; private set; } = string.Empty;

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(null, [.. args, "--server", Address]);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<FakePlanningService>();
        _host = builder.Build();
        _host.MapGrpcService<FakePlanningService>();
        await _host.StartAsync();
        Address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public FakePlanningService Service => _host!.Services.GetRequiredService<FakePlanningService>();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
    }
}

public sealed class FakePlanningService : PlanningService.PlanningServiceBase
{
    public const int Reassigned = 30;

    public object? LastRequest { get; private set; }

    public override Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        LastRequest = request;
        return Task.FromResult(Plan(moved: 0, "lulea", "solna"));
    }

    public override Task<Plan> Rebalance(RebalanceRequest request, ServerCallContext context)
    {
        LastRequest = request;
        return Task.FromResult(Plan(moved: 5, "lulea", "solna"));
    }

    public override Task<ScenarioResult> SimulateOpenOffice(SimulateOpenOfficeRequest request, ServerCallContext context)
    {
        LastRequest = request;
        var result = new ScenarioResult
        {
            ScenarioId = "5c0f4b9e-0000-4000-8000-000000000001",
            OfficeId = "umea",
            Before = Plan(0, "lulea", "solna"),
            After = Plan(Reassigned, "lulea", "solna", "umea"),
            TravelKmSavedPerYear = 41_250,
            TravelHoursSavedPerYear = 670,
            ExpiresAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };
        for (var i = 0; i < Reassigned; i++)
        {
            result.Reassigned.Add(new Reassignment { HuvudmanId = $"21200248{i:D2}", Name = $"Skola {i} i Umeå", Kommunkod = "2480", FromOfficeId = "lulea", ToOfficeId = "umea", RoadKmBefore = 340, RoadKmAfter = 5 });
        }

        result.LanEffects.Add(new LanEffect { Lanskod = "24", Lan = "Västerbottens län", HuvudmanReassigned = Reassigned, TravelKmPerYearBefore = 52_000, TravelKmPerYearAfter = 10_750 });
        return Task.FromResult(result);
    }

    public override async Task RankOfficeSites(RankOfficeSitesRequest request, IServerStreamWriter<RankOfficeSitesProgress> responseStream, ServerCallContext context)
    {
        LastRequest = request;
        const int total = 290;
        foreach (var evaluated in new[] { 0, 100, 200 })
        {
            await responseStream.WriteAsync(new RankOfficeSitesProgress { Evaluated = evaluated, Total = total });
        }

        var last = new RankOfficeSitesProgress { Evaluated = total, Total = total, Done = true };
        var k = request.K == 0 ? 5 : request.K;
        last.ByTravelSaved.AddRange(Sites().Take(k));
        last.ByTimeToCover.AddRange(Sites().Reverse().Take(k));
        await responseStream.WriteAsync(last);
    }

    public override Task<Plan> CommitScenario(CommitScenarioRequest request, ServerCallContext context)
    {
        LastRequest = request;
        return request.ScenarioId == "5c0f4b9e-0000-4000-8000-000000000001"
            ? Task.FromResult(Plan(Reassigned, "lulea", "solna", "umea"))
            : throw new RpcException(new Status(StatusCode.NotFound, $"scenario '{request.ScenarioId}' does not exist"));
    }

    private static IEnumerable<SiteCandidate> Sites() =>
    [
        new() { Kommunkod = "2480", Kommun = "Umeå", Lanskod = "24", TravelKmSavedPerYear = 41_250, TravelHoursSavedPerYear = 670, MonthsToCoverAfter = 30.5, HuvudmanReassigned = 61 },
        new() { Kommunkod = "2380", Kommun = "Östersund", Lanskod = "23", TravelKmSavedPerYear = 35_100, TravelHoursSavedPerYear = 560, MonthsToCoverAfter = 31.2, HuvudmanReassigned = 48 },
        new() { Kommunkod = "0680", Kommun = "Jönköping", Lanskod = "06", TravelKmSavedPerYear = 20_400, TravelHoursSavedPerYear = 300, MonthsToCoverAfter = 28.9, HuvudmanReassigned = 70 },
    ];

    private static Plan Plan(int moved, params string[] offices)
    {
        var plan = new Plan { Feasible = true, Moved = moved, ComputedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)) };
        foreach (var id in offices)
        {
            plan.Offices.Add(new OfficePlan { OfficeId = id, HuvudmanCount = 200, DemandHours = 3000, CapacityHours = 6000, Utilisation = 0.5, TravelKmPerYear = 20_000, TravelHoursPerYear = 300, MonthsToCover = 24 });
        }

        plan.DemandHours = plan.Offices.Sum(o => o.DemandHours);
        plan.CapacityHours = plan.Offices.Sum(o => o.CapacityHours);
        plan.NationalUtilisation = 0.5;
        plan.TravelKmPerYear = plan.Offices.Sum(o => o.TravelKmPerYear);
        plan.MonthsToCover = 24;
        return plan;
    }
}
