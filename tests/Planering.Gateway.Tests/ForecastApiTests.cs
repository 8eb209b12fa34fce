using System.Globalization;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

[Collection(SharedApi.Name)]
public sealed class ForecastApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_forecast_covers_every_office_and_the_nation_whose_means_are_the_office_sums()
    {
        var forecast = await api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 2000, Seed = 7 });

        Assert.Equal(24, forecast.HorizonMonths);
        Assert.Equal("monte-carlo", forecast.Method);
        Assert.Subset(forecast.Offices.Select(o => o.OfficeId).ToHashSet(), new HashSet<string> { "goteborg", "harnosand", "lulea", "malmo", "orebro", "solna" });
        Assert.Equal("national", forecast.National.OfficeId);
        Assert.Equal(24, forecast.National.Months.Count);
        for (var m = 0; m < 24; m++)
        {
            Assert.Equal(forecast.Offices.Sum(o => o.Months[m].DemandHours.Mean), forecast.National.Months[m].DemandHours.Mean, 6);
            Assert.Equal(forecast.Offices.Sum(o => o.Months[m].CapacityHours.Mean), forecast.National.Months[m].CapacityHours.Mean, 6);
            var band = forecast.National.Months[m].CapacityHours;
            Assert.True(band.P10 <= band.P50 && band.P50 <= band.P90, $"month {m}: bands ordered");
        }

        // Capacity is bounded by the slot limits, which are the same at every office: Solna's staff of 8 gives it at
        // least Luleå's capacity (4 advisors), and neither office can hold more dialogues than its slots allow.
        var solna = forecast.Offices.Single(o => o.OfficeId == "solna");
        var lulea = forecast.Offices.Single(o => o.OfficeId == "lulea");
        Assert.True(solna.Months.Sum(m => m.CapacityHours.Mean) >= lulea.Months.Sum(m => m.CapacityHours.Mean));
        Assert.True(solna.Months.Sum(m => m.DialogueCapacity) >= lulea.Months.Sum(m => m.DialogueCapacity));
        Assert.InRange(forecast.National.CoverageProbability, 0, 1);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_forecast_and_another_seed_does_not()
    {
        var request = new GetCapacityForecastRequest { Paths = 1000, Seed = 42, HorizonMonths = 12, OfficeIds = { "lulea", "malmo" } };
        var first = await api.Forecast.GetCapacityForecastAsync(request);
        var second = await api.Forecast.GetCapacityForecastAsync(request);
        var other = await api.Forecast.GetCapacityForecastAsync(request.Clone().With(r => r.Seed = 43));

        Assert.Equal(["lulea", "malmo"], first.Offices.Select(o => o.OfficeId));
        Assert.Equal(first.Offices, second.Offices);
        Assert.Equal(first.National, second.National);
        Assert.NotEqual(first.National, other.National);
    }

    [Fact]
    public async Task Intervals_widen_when_sickness_varies_more()
    {
        var calm = await api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 2000, HorizonMonths = 6, Parameters = new ForecastParameters { SicknessSd = 0.0, VacancyRate = 0, ParentalLeaveRate = 0 } });
        var wild = await api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 2000, HorizonMonths = 6, Parameters = new ForecastParameters { SicknessSd = 0.1, VacancyRate = 0, ParentalLeaveRate = 0 } });

        static double Spread(CapacityForecast f) => f.National.Months.Sum(m => m.CapacityHours.P90 - m.CapacityHours.P10);
        Assert.True(Spread(wild) > Spread(calm), $"{Spread(wild)} > {Spread(calm)}");
    }

    [Fact]
    public async Task Bad_forecast_requests_name_the_field()
    {
        Assert.Equal(["horizon_months", "paths"], await RpcAssert.InvalidFieldsAsync(() => api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { HorizonMonths = 61, Paths = -1 }).ResponseAsync));
        Assert.Equal(["office_ids"], await RpcAssert.InvalidFieldsAsync(() => api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { OfficeIds = { "lulea", "lulea" } }).ResponseAsync));
        var fields = await RpcAssert.InvalidFieldsAsync(() => api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 10, Parameters = new ForecastParameters { CancellationRate = -0.1, DurationCv = double.NaN } }).ResponseAsync);
        Assert.Contains("parameters.cancellation_rate", fields);
        Assert.Contains("parameters.duration_cv", fields);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 10, OfficeIds = { "atlantis" } }).ResponseAsync);
    }

    [Fact]
    public async Task A_watcher_receives_a_fresh_forecast_after_a_booking()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var watch = api.Forecast.WatchCapacityForecast(new WatchCapacityForecastRequest(), cancellationToken: deadline.Token);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        var before = watch.ResponseStream.Current;

        var huvudman = OrganisationNumber.FromNineDigits("212002584").Value; // Kiruna kommun, assigned to Luleå
        var earliest = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slot = (await api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = huvudman, EarliestDate = earliest, Mode = DialogueMode.Digital })).Slot;
        await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"watch-{Guid.NewGuid():N}", HuvudmanId = huvudman, Slot = slot });

        CapacityForecast after;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
            after = watch.ResponseStream.Current;
        }
        while (!after.Trigger.Split(',').Contains("dialogue-booked") && after.Version <= before.Version + 50);

        Assert.True(after.Version > before.Version);
        Assert.Equal(24, after.National.Months.Count);
    }
}
