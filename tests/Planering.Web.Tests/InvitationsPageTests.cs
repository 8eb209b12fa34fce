using Microsoft.Playwright;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class InvitationsPageTests(WebFixture web)
{
    [Fact]
    public async Task A_planner_sees_the_coverage_proposes_a_wave_with_reasons_and_sends_it_once()
    {
        var page = await web.SignedInPageAsync("Inbjudan Testsson", "planner");
        await page.GotoAsync("/inbjudningar");
        var national = page.GetByTestId("coverage").Locator("tr[data-office='national']");
        await Assertions.Expect(national).ToBeVisibleAsync();
        var invitedBefore = int.Parse((await national.Locator("td").Nth(1).InnerTextAsync()).Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

        await Assertions.Expect(page.GetByTestId("wave-form")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByLabel("Antal").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Föreslå" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("proposal").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("proposal")).ToContainTextAsync("dialogue capacity");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Omgångens id").FillAsync($"web-{Guid.NewGuid():N}"[..16]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudningarna" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("wave-done")).ToContainTextAsync("3 inbjudna");
        await Assertions.Expect(national.Locator("td").Nth(1)).ToHaveTextAsync((invitedBefore + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Sent again: the same wave, nothing recorded twice.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudningarna" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("wave-done")).ToContainTextAsync("redan skickad");
        await Assertions.Expect(national.Locator("td").Nth(1)).ToHaveTextAsync((invitedBefore + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_scheduler_books_a_sent_waves_introduction_meeting_once()
    {
        var page = await web.SignedInPageAsync("Intro Testsson", "planner", "scheduler");
        await page.GotoAsync("/inbjudningar");
        await Assertions.Expect(page.GetByTestId("wave-form")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByLabel("Antal").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Föreslå" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("proposal").Locator("tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Omgångens id").FillAsync($"web-{Guid.NewGuid():N}"[..16]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudningarna" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("wave-done")).ToContainTextAsync("2 inbjudna");

        // The sent wave's groups are listed, not booked; booking one shows its time, and the button is gone.
        var groups = page.GetByTestId("introduction-groups").Locator("tbody tr");
        await Assertions.Expect(groups.First).ToContainTextAsync("Boka första lediga tid");
        var group = await groups.First.GetAttributeAsync("data-group");
        await groups.First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("wave-done")).ToContainTextAsync($"Introduktionen för {group} bokad");
        await Assertions.Expect(groups.First).ToContainTextAsync(" kl. ");
        await Assertions.Expect(groups.First.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_the_coverage_but_no_wave_form()
    {
        var page = await web.SignedInPageAsync("Tittar Testsson", "viewer");
        await page.GotoAsync("/inbjudningar");
        await Assertions.Expect(page.GetByTestId("coverage").Locator("tr[data-office='national']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("planner-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Föreslå" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
