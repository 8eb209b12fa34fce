using Microsoft.Playwright;
using Planering.Contracts.V1;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class WhatIfPageTests(WebFixture web)
{
    private const string NewOfficeColour = "#6a3d9a";

    [Fact]
    public async Task A_planner_tries_an_office_on_the_map_sees_the_reassigned_kommuner_and_ranks_sites()
    {
        var page = await web.SignedInPageAsync("Planerare Testsson", "planner");
        await page.GotoAsync("/vad-hander-om");
        var map = page.GetByTestId("scenario-karta");
        await map.Locator("path[data-kommun='2480']").WaitForAsync();
        var before = await map.Locator("path[data-kommun='2480']").GetAttributeAsync("fill");

        // Umeå (2480) chosen by clicking it on the map, six advisors.
        await map.Locator("path[data-kommun='2480']").ClickAsync(new() { Force = true });
        await Assertions.Expect(page.GetByLabel("Kommun", new() { Exact = true })).ToHaveValueAsync("2480");
        await page.GetByLabel("Rådgivare (heltid)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pröva" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-summary")).ToContainTextAsync("huvudmän byter kontor");

        // The map now shows the new office's area and outlines the kommuner that move, as the API says.
        var umea = map.Locator("path[data-kommun='2480']");
        await Assertions.Expect(umea).ToHaveAttributeAsync("fill", NewOfficeColour);
        Assert.NotEqual(NewOfficeColour, before);
        var result = await web.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Umeå", Kommunkod = "2480", Advisors = 6 });
        var moved = result.Reassigned.Select(r => r.Kommunkod).Distinct().ToList();
        Assert.NotEmpty(moved);
        foreach (var kommun in moved)
        {
            await Assertions.Expect(map.Locator($"path[data-kommun='{kommun}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("moved"));
        }

        await Assertions.Expect(page.GetByTestId("before-after")).ToContainTextAsync("(nytt)");
        await Assertions.Expect(page.GetByTestId("reassigned")).ToContainTextAsync(result.Reassigned[0].Name);

        // The before/after as a spreadsheet (an .xlsx is a zip: it starts with PK).
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Före/efter som .xlsx" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        await WebFixture.ScreenshotAsync(page, "vad-hander-om");
        await Accessibility.AssertNoViolationsAsync(page);

        // Ranking: streamed progress, then the top three on the map.
        await page.GetByLabel("Antal förslag").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rangordna alla kommuner" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rank-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ranking-result").Locator("tbody tr")).ToHaveCountAsync(3, new() { Timeout = 120_000 });
        await Assertions.Expect(map.Locator("g.marker[data-marker^='site-']")).ToHaveCountAsync(3);

        // Each proposal says why, as the API judged it: the nearest lärosäte (a real one, from the shipped list) and
        // office with their distances, and every siting rule's verdict in Swedish. By default only eligible kommuner.
        await Assertions.Expect(page.GetByLabel("Visa även kommuner som inte uppfyller reglerna")).Not.ToBeCheckedAsync();
        var ranking = page.GetByTestId("ranking-result");
        await Assertions.Expect(ranking.GetByRole(AriaRole.Columnheader, new() { Name = "Närmaste lärosäte" })).ToBeVisibleAsync();
        await Assertions.Expect(ranking.GetByRole(AriaRole.Columnheader, new() { Name = "Placeringsregler" })).ToBeVisibleAsync();
        var larosaten = Planering.Domain.World.SwedishGeography.Sweden.Larosaten.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var rows = ranking.Locator("tbody tr");
        for (var i = 0; i < 3; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal("true", await row.GetAttributeAsync("data-eligible"));
            var nearest = (await row.GetByTestId("nearest-larosate").InnerTextAsync()).Trim();
            Assert.Matches(@", \d+ km$", nearest);
            Assert.Contains(nearest[..nearest.LastIndexOf(", ", StringComparison.Ordinal)], larosaten);
            Assert.Matches(@", [\d\u00a0 ]+ km$", (await row.GetByTestId("nearest-office").InnerTextAsync()).Trim());
            var verdicts = await row.GetByTestId("verdicts").InnerTextAsync();
            Assert.Contains("Lärosäte: lärosäte inom", verdicts);
            Assert.Contains("Spridning:", verdicts);
            Assert.DoesNotContain("within", verdicts);
        }

        await Assertions.Expect(ranking.GetByTestId("ineligible")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        // With the ineligible kommuner included, the page shows the API's ranking and marks exactly the ones it judged
        // ineligible.
        await page.GetByLabel("Visa även kommuner som inte uppfyller reglerna").CheckAsync();
        await page.GetByLabel("Antal förslag").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rangordna alla kommuner" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(10, new() { Timeout = 120_000 });
        var all = new List<SiteCandidate>();
        using (var call = web.Planning.RankOfficeSites(new RankOfficeSitesRequest { K = 10, Advisors = 6, IncludeIneligible = true }))
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.Done)
                {
                    all.AddRange(call.ResponseStream.Current.ByTravelSaved);
                }
            }
        }

        Assert.Equal(10, all.Count);
        Assert.Contains(all, s => !s.Eligible); // Småland's kommuner without a lärosäte near Växjö lead; so the marking is exercised.
        for (var i = 0; i < all.Count; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToContainTextAsync(all[i].Kommun);
            await Assertions.Expect(rows.Nth(i)).ToHaveAttributeAsync("data-eligible", all[i].Eligible ? "true" : "false");
        }

        await Assertions.Expect(ranking.GetByTestId("ineligible")).ToHaveCountAsync(all.Count(s => !s.Eligible));
        await WebFixture.ScreenshotAsync(page, "vad-hander-om-rangordning");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Opening_the_office_commits_the_scenario_and_the_live_plan_has_it()
    {
        var page = await web.SignedInPageAsync("Planerare Testsson", "planner", "viewer");
        await page.GotoAsync("/vad-hander-om");
        await page.GetByLabel("Namn").FillAsync("Visby webbtest");
        await page.GetByLabel("Plats").SelectOptionAsync("koordinater");
        await page.GetByLabel("Latitud").FillAsync("57.6348");
        await page.GetByLabel("Longitud").FillAsync("18.2948");
        await page.GetByLabel("Rådgivare (heltid)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pröva" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-summary")).ToBeVisibleAsync();
        await page.GetByTestId("commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("är öppnat");

        var plan = await web.Planning.GetPlanAsync(new GetPlanRequest());
        var offices = (await web.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices;
        var opened = Assert.Single(offices, o => o.Name == "Visby webbtest");
        Assert.Contains(plan.Offices, o => o.OfficeId == opened.OfficeId && o.HuvudmanCount > 0);

        // The kommun the office stands in is now coloured by it on the map.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("karta").Locator("g.marker")).ToHaveCountAsync(offices.Count);
        await page.Context.CloseAsync();
    }
}
