using Microsoft.Playwright;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class MapPageTests(WebFixture web)
{
    [Fact]
    public async Task The_map_draws_every_kommun_coloured_by_its_office_in_the_live_plan()
    {
        var page = await web.SignedInPageAsync("Karta Testsson", "viewer");
        var map = page.GetByTestId("karta");
        await map.Locator("path[data-kommun]").Nth(289).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(290, await map.Locator("path[data-kommun]").CountAsync());

        // Luleå's kommun (2580) holds its dialogues at the Luleå office, Malmö's (1280) at Malmö: different colours.
        var lulea = await map.Locator("path[data-kommun='2580']").GetAttributeAsync("fill");
        var malmo = await map.Locator("path[data-kommun='1280']").GetAttributeAsync("fill");
        Assert.NotEqual(lulea, malmo);
        var offices = (await web.Registry.ListOfficesAsync(new())).Offices;
        Assert.Equal(offices.Count, await map.Locator("g.marker").CountAsync());

        // Swedish numbers: the national total with a (non-breaking) space between the thousands.
        var total = (await web.Registry.ListHuvudmanAsync(new() { PageSize = 1 })).TotalSize;
        await Assertions.Expect(page.GetByTestId("offices")).ToContainTextAsync(total.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")));

        await map.Locator("path[data-kommun='2580']").HoverAsync();
        await Assertions.Expect(page.GetByTestId("hover-panel")).ToContainTextAsync("Luleå");
        await Assertions.Expect(page.GetByTestId("hover-panel")).ToContainTextAsync("Luleå kommun");
        await WebFixture.ScreenshotAsync(page, "karta");

        await page.GetByLabel("Län").SelectOptionAsync("25");
        await Assertions.Expect(page.GetByTestId("lan-kommuner")).ToContainTextAsync("Kiruna");
        await WebFixture.ScreenshotAsync(page, "karta-norrbotten");

        await Accessibility.AssertNoViolationsAsync(page);

        // English is a choice; the page then reads and counts in English.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Map: the kommuner and their offices");
        await Assertions.Expect(page.GetByTestId("offices")).ToContainTextAsync(total.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_gets_the_sign_in_page()
    {
        var context = await web.Browser.NewContextAsync(new() { BaseURL = web.WebAddress });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/prognos");
        Assert.Contains("/logga-in", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Logga in");
        await WebFixture.ScreenshotAsync(page, "logga-in");
        await Accessibility.AssertNoViolationsAsync(page);
        await context.CloseAsync();
    }
}
