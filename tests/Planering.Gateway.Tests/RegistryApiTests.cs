using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

[Collection(SharedApi.Name)]
public sealed class RegistryApiTests(ApiFixture api)
{
    private static int _next = Random.Shared.Next(0, 500_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"9{Interlocked.Increment(ref _next):D8}").Value;

    [Fact]
    public async Task A_fresh_start_lists_exactly_290_municipal_huvudman_each_with_an_office()
    {
        var seen = new List<Huvudman>();
        var token = string.Empty;
        do
        {
            var page = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Type = HuvudmanType.Municipal, PageSize = 100, PageToken = token });
            Assert.Equal(290, page.TotalSize);
            seen.AddRange(page.Huvudman);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(290, seen.Select(h => h.OrganisationNumber).Distinct().Count());
        Assert.All(seen, h => Assert.Equal(HuvudmanType.Municipal, h.Type));
        Assert.All(seen, h => Assert.NotEmpty(h.OfficeId));
        Assert.Equal(seen.Select(h => h.Kommunkod).Order(StringComparer.Ordinal), seen.Select(h => h.Kommunkod));
        Assert.Equal(14, seen.Count(h => h.Lanskod == "25"));
        Assert.All(seen.Where(h => h.Lanskod == "25"), h => Assert.Equal("lulea", h.OfficeId));
        var kiruna = Assert.Single(seen, h => h.Kommunkod == "2584");
        Assert.Equal("lulea", kiruna.OfficeId);
        Assert.Equal("Norrbottens län", kiruna.Lan);
        Assert.InRange(kiruna.KommunPopulation, 20_000, 25_000);
        Assert.InRange(kiruna.Position.Latitude, 67.8, 67.9);
    }

    [Fact]
    public async Task The_seeded_world_has_six_staffed_offices_and_synthetic_independents()
    {
        var offices = (await api.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices;
        Assert.Subset(offices.Select(o => o.OfficeId).ToHashSet(), new HashSet<string> { "goteborg", "harnosand", "lulea", "malmo", "orebro", "solna" });
        Assert.All(offices.Where(o => o.OfficeId is "goteborg" or "harnosand" or "lulea" or "malmo" or "orebro" or "solna"), o => Assert.NotEmpty(o.Advisors));

        var lulea = await api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "lulea" });
        Assert.Equal("2580", lulea.Kommunkod);
        Assert.Equal(4, lulea.Advisors.Count);
        Assert.Equal(3.8, lulea.TotalFte, 9);

        var independents = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Type = HuvudmanType.Independent, Lanskod = "25", PageSize = 1000 });
        Assert.NotEmpty(independents.Huvudman);
        Assert.All(independents.Huvudman, h => Assert.True(h.Synthetic));
        Assert.All(independents.Huvudman, h => Assert.Equal("25", h.Lanskod));
        Assert.All(independents.Huvudman, h => Assert.True(h.OrganisationNumberSynthetic));

        // The kommuner are real huvudmän under their official names, but the seed made their numbers up.
        var kommuner = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Type = HuvudmanType.Municipal, Lanskod = "25", PageSize = 1000 });
        Assert.All(kommuner.Huvudman, h => Assert.True(h.OrganisationNumberSynthetic && !h.Synthetic, h.Name));
        Assert.Contains(kommuner.Huvudman, h => h.Name == "Luleå kommun");
        Assert.Contains(kommuner.Huvudman, h => h.Name == "Bodens kommun");
    }

    [Fact]
    public async Task An_upserted_number_is_real_unless_the_caller_marks_it_generated()
    {
        var real = await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
        {
            OrganisationNumber = NewOrganisationNumber(), Name = "Verklig Skola AB", Type = HuvudmanType.Independent, Kommunkod = "2480", Pupils = 50,
        });
        var placeholder = await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
        {
            OrganisationNumber = NewOrganisationNumber(), Name = "Okänt nummer AB", Type = HuvudmanType.Independent, Kommunkod = "2480", Pupils = 50,
            OrganisationNumberSynthetic = true,
        });
        var synthetic = await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
        {
            OrganisationNumber = NewOrganisationNumber(), Name = "Påhittad AB", Type = HuvudmanType.Independent, Kommunkod = "2480", Pupils = 50, Synthetic = true,
        });

        Assert.False(real.OrganisationNumberSynthetic);
        Assert.True(placeholder.OrganisationNumberSynthetic);
        Assert.True(synthetic.OrganisationNumberSynthetic);
        Assert.True((await api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = placeholder.OrganisationNumber })).OrganisationNumberSynthetic);
    }

    [Fact]
    public async Task Filtering_by_office_returns_only_that_offices_huvudman()
    {
        var lulea = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { OfficeId = "lulea", PageSize = 1000 });
        Assert.InRange(lulea.TotalSize, 15, 300);
        Assert.Equal(lulea.TotalSize, lulea.Huvudman.Count);
        Assert.All(lulea.Huvudman, h => Assert.Equal("lulea", h.OfficeId));
        Assert.Contains(lulea.Huvudman, h => h.Kommunkod == "2580");
    }

    [Fact]
    public async Task A_huvudman_changed_through_the_API_is_the_same_after_a_restart()
    {
        var number = NewOrganisationNumber();
        var created = await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
        {
            OrganisationNumber = number, Name = "Restartskolan AB", Type = HuvudmanType.Independent, Kommunkod = "2480",
            Position = new GeoPoint { Latitude = 63.83, Longitude = 20.26 }, Pupils = 321,
        });
        // A seeded huvudman changed by a user must not be reset by the seed on the next start.
        var stockholm = await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
        {
            OrganisationNumber = OrganisationNumber.FromNineDigits("212000180").Value, Name = "Stockholms stad", Type = HuvudmanType.Municipal,
            Kommunkod = "0180", Pupils = 130_000,
        });
        var before = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1 });

        await api.RestartAsync();

        Assert.Equal(created, await api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number }));
        Assert.Equal(stockholm, await api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = stockholm.OrganisationNumber }));
        var after = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1 });
        Assert.Equal(before.TotalSize, after.TotalSize);
    }

    [Fact]
    public async Task Bad_input_is_an_invalid_argument_naming_the_field_and_changes_nothing()
    {
        var number = NewOrganisationNumber();
        var valid = new UpsertHuvudmanRequest { OrganisationNumber = number, Name = "Oförändrad AB", Type = HuvudmanType.Independent, Kommunkod = "1280", Pupils = 10 };
        var stored = await api.Registry.UpsertHuvudmanAsync(valid);
        var office = await api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "malmo" });

        Assert.Equal(["organisation_number"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.OrganisationNumber = "212000-0142")).ResponseAsync));
        Assert.Equal(["organisation_number"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.OrganisationNumber = number[..9] + (char)('0' + ((number[9] - '0' + 1) % 10)))).ResponseAsync));
        Assert.Equal(["name"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.Name = " ")).ResponseAsync));
        Assert.Equal(["type"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.Type = (HuvudmanType)42)).ResponseAsync));
        Assert.Equal(["kommunkod"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.Kommunkod = "1299")).ResponseAsync));
        Assert.Equal(["position.latitude", "position.longitude"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.Position = new GeoPoint { Latitude = 48.85, Longitude = 2.35 })).ResponseAsync));
        Assert.Equal(["position.latitude"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.Position = new GeoPoint { Latitude = double.NaN, Longitude = 13.40 })).ResponseAsync));
        Assert.Equal(["pupils"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertHuvudmanAsync(valid.Clone().With(r => r.Pupils = -5)).ResponseAsync));
        Assert.Equal(["page_size"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 5000 }).ResponseAsync));
        Assert.Equal(["page_token"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageToken = "garbage" }).ResponseAsync));
        Assert.Equal(["lanskod"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Lanskod = "02" }).ResponseAsync));
        Assert.Equal(["office_id"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "Umeå Kontor", Name = "Umeå", Kommunkod = "2480" }).ResponseAsync));
        Assert.Equal(["opened"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "umea", Name = "Umeå", Kommunkod = "2480", Opened = "2027-13-01" }).ResponseAsync));

        var staffing = new SetStaffingRequest { OfficeId = "malmo" };
        staffing.Advisors.Add(new Advisor { AdvisorId = "malmo-x", Name = "X", Fte = -0.2 });
        staffing.Advisors.Add(new Advisor { AdvisorId = "malmo-y", Name = "", Fte = 0.5, WorkingDays = { Weekday.Saturday } });
        staffing.Advisors.Add(new Advisor { AdvisorId = "malmo-z", Name = "Z", Fte = 1, Absences = { new Absence { StartDate = "2027-01-10", EndDate = "10/1/2027" } } });
        // Shape is checked at the edge before the office grain applies its rules, so a malformed date is reported alone.
        Assert.Equal(
            ["advisors[2].absences[0].end_date"],
            await RpcAssert.InvalidFieldsAsync(() => api.Registry.SetStaffingAsync(staffing).ResponseAsync));
        staffing.Advisors.RemoveAt(2);
        Assert.Equal(["advisors[0].fte", "advisors[1].name", "advisors[1].working_days"], await RpcAssert.InvalidFieldsAsync(() => api.Registry.SetStaffingAsync(staffing).ResponseAsync));

        Assert.Equal(stored, await api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number }));
        Assert.Equal(office, await api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "malmo" }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "umea" }).ResponseAsync);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = NewOrganisationNumber() }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "kiruna" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Registry.SetStaffingAsync(new SetStaffingRequest { OfficeId = "kiruna" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { OfficeId = "kiruna" }).ResponseAsync);
    }

    [Fact]
    public async Task A_new_office_can_be_opened_and_staffed()
    {
        var office = await api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "visby", Name = "Visby", Kommunkod = "0980", Opened = "2027-08-01" });
        Assert.Equal("Gotland", office.Kommun);
        Assert.Empty(office.Advisors);

        var staffing = new SetStaffingRequest { OfficeId = "visby" };
        staffing.Advisors.Add(new Advisor { AdvisorId = "visby-1", Name = "Karin", Fte = 0.75, WorkingDays = { Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday } });
        staffing.Advisors.Add(new Advisor { AdvisorId = "visby-2", Name = "Lars", Fte = 1 });
        var staffed = await api.Registry.SetStaffingAsync(staffing);

        Assert.Equal(1.75, staffed.TotalFte, 9);
        Assert.Equal(5, staffed.Advisors[1].WorkingDays.Count);
        Assert.Contains((await api.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices, o => o.OfficeId == "visby" && o.Advisors.Count == 2);
    }

    [Fact]
    public async Task Health_and_reflection_are_served()
    {
        var health = await new Health.HealthClient(api.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var reflection = new ServerReflection.ServerReflectionClient(api.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("planering.v1.RegistryService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}

internal static class MessageExtensions
{
    public static T With<T>(this T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
