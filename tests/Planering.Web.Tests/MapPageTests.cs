using Deque.AxeCore.Playwright;
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
        try
        {
            await map.Locator("path[data-kommun]").Nth(289).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15000 });
        }
        catch (TimeoutException)
        {
            await WebFixture.ScreenshotAsync(page, "debug");
            File.WriteAllText(Path.Combine(WebFixture.ScreenshotDirectory, "debug.html"), await page.ContentAsync());
            throw;
        }
        Assert.Equal(290, await map.Locator("path[data-kommun]").CountAsync());

        // Luleå's kommun (2580) holds its dialogues at the Luleå office, Malmö's (1280) at Malmö: different colours.
        var lulea = await map.Locator("path[data-kommun='2580']").GetAttributeAsync("fill");
        var malmo = await map.Locator("path[data-kommun='1280']").GetAttributeAsync("fill");
        Assert.NotEqual(lulea, malmo);
        Assert.Equal(6, await map.Locator("g.marker").CountAsync());
        await Assertions.Expect(page.GetByTestId("offices")).ToContainTextAsync("1 170");

        await map.Locator("path[data-kommun='2580']").HoverAsync();
        await Assertions.Expect(page.GetByTestId("hover-panel")).ToContainTextAsync("Luleå");
        await Assertions.Expect(page.GetByTestId("hover-panel")).ToContainTextAsync("Luleå kommun");
        await WebFixture.ScreenshotAsync(page, "karta");

        await page.GetByLabel("Län").SelectOptionAsync("25");
        await Assertions.Expect(page.GetByTestId("lan-kommuner")).ToContainTextAsync("Kiruna");
        await WebFixture.ScreenshotAsync(page, "karta-norrbotten");

        var scan = await page.RunAxe();
        Assert.True(scan.Violations.Length == 0, string.Join("\n", scan.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length})")));
        await page.Context.CloseAsync();
    }
}
