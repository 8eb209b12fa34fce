using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Domain.Invitations;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>Demand = invitations × take-up: the rate moves the forecast's demand, a committed wave moves it in time, each path draws the answers.</summary>
public sealed class TakeUpForecastTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly DateOnly Start = new(2027, 1, 1);

    private static readonly ForecastOffice Solna = new("solna", "0184", Sweden.Kommun("0184").Position, WorldSeed.DefaultAdvisors("solna", 6), []);

    /// <summary>60 independent huvudmän that never had a dialogue: their first one is spread over the first cycle.</summary>
    private static List<ForecastHuvudman> Huvudman(Func<int, Invitation?>? invitation = null) =>
        Enumerable.Range(0, 60).Select(i => new ForecastHuvudman($"h{i:D2}", "solna", Sweden.Kommun("0180").Position, 400, null, null, "0180")
        {
            Type = HuvudmanType.Independent,
            Invitation = invitation?.Invoke(i),
        }).ToList();

    private static CapacityForecast Forecast(PlanningParameters parameters, IReadOnlyList<ForecastHuvudman> huvudman, ForecastParameters? random = null) =>
        CapacityForecaster.Run(ForecastInputBuilder.Build(Start.Year, Start.Month, 11, 24, 2_000, random ?? ForecastFixtures.Deterministic, [Solna], huvudman,
            parameters, SchoolHolidayCalendar.Create(Sweden)), 1);

    private static double TotalDemand(CapacityForecast f) => f.National.Months.Sum(m => m.DemandHours.Mean);

    [Fact]
    public void The_forecasts_demand_moves_with_the_take_up_rate()
    {
        var all = Forecast(PlanningParameters.Default with { AcceptanceRateIndependent = 1 }, Huvudman());
        var half = Forecast(PlanningParameters.Default with { AcceptanceRateIndependent = 0.5 }, Huvudman());
        var usual = Forecast(PlanningParameters.Default, Huvudman());

        Assert.Equal(0.5, TotalDemand(half) / TotalDemand(all), 1);
        Assert.InRange(TotalDemand(half) / TotalDemand(all), 0.45, 0.55);
        Assert.InRange(TotalDemand(usual) / TotalDemand(all), 0.76, 0.86);
        Assert.Equal(0.5 * all.National.Months.Sum(m => m.DemandDialogues), half.National.Months.Sum(m => m.DemandDialogues), 9);
    }

    [Fact]
    public void Acceptance_is_drawn_per_path_so_demand_has_a_spread_even_when_nothing_else_is_random()
    {
        var all = Forecast(PlanningParameters.Default with { AcceptanceRateIndependent = 1 }, Huvudman());
        var usual = Forecast(PlanningParameters.Default, Huvudman());

        Assert.All(all.National.Months, m => Assert.Equal(m.DemandHours.P10, m.DemandHours.P90, 9));
        Assert.Contains(usual.National.Months, m => m.DemandHours.P90 > m.DemandHours.P10);
    }

    [Fact]
    public void A_committed_wave_brings_its_huvudmans_demand_into_its_period_and_an_acceptance_makes_it_certain()
    {
        var period = new DateOnly(2027, 3, 1);
        Invitation Wave(int i, InvitationStatus status) => new($"h{i:D2}", "w1", new DateOnly(2026, 12, 15), period, new DateOnly(2027, 5, 31), "solna", "solna-01", status);
        var before = Forecast(PlanningParameters.Default, Huvudman());
        var invited = Forecast(PlanningParameters.Default, Huvudman(i => i < 30 ? Wave(i, InvitationStatus.Open) : null));
        var accepted = Forecast(PlanningParameters.Default, Huvudman(i => i < 30 ? Wave(i, InvitationStatus.Accepted) : null));

        // March–May: the wave's 30 dialogues fall in its three months, each with its take-up (1 once accepted).
        double InPeriod(CapacityForecast f) => f.National.Months.Skip(2).Take(3).Sum(m => m.DemandDialogues);
        var rate = PlanningParameters.Default.AcceptanceRateIndependent;
        var others = Enumerable.Range(2, 3).Sum(ExpectedOthersIn);
        Assert.Equal((30 * rate) + others, InPeriod(invited), 9);
        Assert.Equal(30 + others, InPeriod(accepted), 9);
        Assert.True(InPeriod(invited) > 1.5 * InPeriod(before));
        Assert.All(invited.National.Months.Skip(2).Take(3), m => Assert.True(m.DemandDialogues > 0));
        Assert.True(TotalDemand(accepted) > TotalDemand(invited));
    }

    [Fact]
    public void A_decline_takes_the_huvudman_out_until_the_next_cycle()
    {
        Invitation Declined(int i) => new($"h{i:D2}", "w1", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 28), "solna", "solna-01", InvitationStatus.Declined);
        var before = Forecast(PlanningParameters.Default, Huvudman());
        var declined = Forecast(PlanningParameters.Default, Huvudman(Declined));

        // Invited again in October 2029, past the 24-month horizon: no demand in it at all.
        Assert.Equal(0, declined.National.Months.Sum(m => m.DemandDialogues), 9);
        Assert.True(TotalDemand(before) > 0);
        Assert.Equal(1.0, declined.National.CoverageProbability, 9);
    }

    /// <summary>The expected dialogues in a month from the 30 huvudmän not in the wave (spread by their ids' hash).</summary>
    private static double ExpectedOthersIn(int month)
    {
        var input = ForecastInputBuilder.Build(Start.Year, Start.Month, 11, 24, 10, ForecastFixtures.Deterministic, [Solna], Huvudman().Skip(30).ToList(),
            PlanningParameters.Default, SchoolHolidayCalendar.Create(Sweden));
        return input.Offices[0].DueDialogues![month];
    }
}
