using System.Globalization;
using Microsoft.Playwright;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class TermSchedulingPageTests(WebFixture web)
{
    [Fact]
    public async Task A_scheduler_proposes_Luleas_spring_term_and_sees_its_trips_without_anything_booked()
    {
        var year = DateTime.UtcNow.Year + 2;
        var page = await web.SignedInPageAsync("Schemaläggare Testsson", "scheduler");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terminsplanering" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terminsplanering", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Kontor").SelectOptionAsync(new SelectOptionValue { Label = "Luleå" });
        await page.GetByLabel("Från").FillAsync(string.Create(CultureInfo.InvariantCulture, $"{year}-01-11"));
        await page.GetByLabel("Till").FillAsync(string.Create(CultureInfo.InvariantCulture, $"{year}-06-10"));
        await page.GetByLabel("Form").SelectOptionAsync("on-site");
        await page.GetByTestId("propose").ClickAsync();

        await Assertions.Expect(page.GetByTestId("proposal")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var trips = page.GetByTestId("term-trips").Locator("tbody tr");
        Assert.True(await trips.CountAsync() > 0);
        await Assertions.Expect(page.GetByTestId("term-trips")).ToContainTextAsync("lulea-");
        await Assertions.Expect(page.GetByTestId("term-totals")).ToContainTextAsync("Luleå");
        await Assertions.Expect(page.GetByTestId("term-chart")).ToContainTextAsync("▇");
        await Assertions.Expect(page.GetByTestId("commit")).ToBeVisibleAsync();

        // A proposal books nothing: Luleå's calendar in that term is as it was.
        var listed = await web.Scheduling.ListDialoguesAsync(new Planering.Contracts.V1.ListDialoguesRequest { OfficeId = "lulea", FromDate = $"{year}-01-11", ToDate = $"{year}-06-10" });
        Assert.Empty(listed.Dialogues);
        await WebFixture.ScreenshotAsync(page, "terminsplanering");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
