using Microsoft.Playwright;
using Planering.Contracts.V1;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class ForecastPageTests(WebFixture web)
{
    [Fact]
    public async Task The_forecast_page_follows_the_live_forecast_and_updates_after_a_staffing_change_without_a_reload()
    {
        var page = await web.SignedInPageAsync("Prognos Testsson", "viewer");
        await page.GotoAsync("/prognos");
        var status = page.GetByTestId("forecast-version");
        await status.WaitForAsync();
        var version = long.Parse((await status.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("prognos-diagram").Locator("polygon.band-demand")).ToHaveCountAsync(1);
        Assert.True(await page.GetByTestId("forecast-months").Locator("tbody tr").CountAsync() >= 12);

        // Values on hover: a month's demand and capacity in the value panel.
        var first = page.Locator("rect.hit").First;
        var month = await first.GetAttributeAsync("data-month");
        await first.HoverAsync();
        await Assertions.Expect(page.GetByTestId("month-values")).ToContainTextAsync($"{month}: efterfrågan");
        await WebFixture.ScreenshotAsync(page, "prognos");
        await Accessibility.AssertNoViolationsAsync(page);

        // A planner adds an advisor somewhere else (the API, as the CLI would): the open page shows the new forecast.
        var office = await web.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "lulea" });
        var staffing = new SetStaffingRequest { OfficeId = office.OfficeId };
        staffing.Advisors.AddRange(office.Advisors);
        staffing.Advisors.Add(new Advisor { AdvisorId = $"lulea-web-{Guid.NewGuid():N}"[..20], Name = "Webb Testsson", Fte = 1 });
        await web.Registry.SetStaffingAsync(staffing);

        await Assertions.Expect(status).Not.ToHaveAttributeAsync("data-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        Assert.True(long.Parse((await status.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture) > version);
        Assert.True(int.Parse((await status.GetAttributeAsync("data-updates"))!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        await page.Context.CloseAsync();
    }
}
