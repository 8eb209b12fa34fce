using System.Text;
using Microsoft.Playwright;
using Planering.Contracts.V1;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class BookingPageTests(WebFixture web)
{
    [Fact]
    public async Task A_scheduler_finds_a_huvudman_books_the_next_slot_sees_it_in_the_calendar_and_cancels_it()
    {
        // A kommun as huvudman, found by its organisation number: Kiruna kommun (kommunkod 2584).
        var huvudman = (await web.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Kommunkod = "2584", Type = HuvudmanType.Municipal })).Huvudman.Single();
        var page = await web.SignedInPageAsync("Bokare Testsson", "scheduler");
        await page.GotoAsync("/bokning");
        await page.GetByLabel("Sök huvudman").FillAsync(huvudman.OrganisationNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Välj {huvudman.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök nästa lediga tid" }).ClickAsync();
        var slot = page.GetByTestId("slot");
        await Assertions.Expect(slot).ToContainTextAsync("Nästa möjliga tid");

        // The reasons earlier days failed, in Swedish (today is always too early: the lead time).
        await Assertions.Expect(page.GetByTestId("rejections")).ToContainTextAsync("dagar");
        await WebFixture.ScreenshotAsync(page, "bokning");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Boka den här tiden" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Bokad:");

        // The booking made in the browser is in the API's list, booked.
        var listed = (await web.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { HuvudmanId = huvudman.OrganisationNumber })).Dialogues;
        var dialogue = Assert.Single(listed, d => d.Status == DialogueStatus.Booked);
        var row = page.GetByTestId("huvudman-dialogues").Locator($"tr[data-dialogue='{dialogue.DialogueId}']");
        await Assertions.Expect(row).ToContainTextAsync(dialogue.Slot.Date);

        // The invitation: one VEVENT at the booked time, in UTC.
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { Name = $"Inbjudan (.ics) för {dialogue.Slot.Date}" }).ClickAsync());
        var ics = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{dialogue.Slot.Start.ToDateTime():yyyyMMdd'T'HHmmss'Z'}", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{dialogue.DialogueId}@planering", ics, StringComparison.Ordinal);

        // The office's calendar shows it on its day, by week and by month.
        await page.GotoAsync("/kalender");
        await page.GetByLabel("Kontor").SelectOptionAsync(dialogue.Slot.OfficeId);
        await page.GetByLabel("Datum").FillAsync(dialogue.Slot.Date);
        await page.GetByLabel("Datum").DispatchEventAsync("change");
        var day = page.GetByTestId("calendar").Locator($"[data-date='{dialogue.Slot.Date}']");
        await Assertions.Expect(day).ToContainTextAsync(huvudman.Name);
        await page.GetByLabel("Visa").SelectOptionAsync("month");
        await Assertions.Expect(day).ToContainTextAsync(huvudman.Name);
        await WebFixture.ScreenshotAsync(page, "kalender");
        await Accessibility.AssertNoViolationsAsync(page);

        // Cancelled from the calendar's list: the API has it cancelled.
        await page.GetByTestId("calendar-dialogues").Locator($"tr[data-dialogue='{dialogue.DialogueId}']").GetByRole(AriaRole.Button, new() { Name = $"Avboka {dialogue.Slot.Date}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-dialogues").Locator($"tr[data-dialogue='{dialogue.DialogueId}']")).ToContainTextAsync("avbokad");
        var after = (await web.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { HuvudmanId = huvudman.OrganisationNumber, IncludeCancelled = true })).Dialogues;
        Assert.Equal(DialogueStatus.Cancelled, Assert.Single(after, d => d.DialogueId == dialogue.DialogueId).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_slots_but_is_not_offered_booking_nor_the_what_if()
    {
        var gotland = (await web.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Kommunkod = "0980", Type = HuvudmanType.Municipal })).Huvudman.Single();
        var page = await web.SignedInPageAsync("Ledning Testsson", "viewer");
        await page.GotoAsync("/bokning");
        await page.GetByLabel("Sök huvudman").FillAsync("Gotland");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Välj {gotland.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök nästa lediga tid" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("slot")).ToContainTextAsync("Att boka kräver rollen bokare.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Boka den här tiden" }).CountAsync());

        await page.GotoAsync("/vad-hander-om");
        await Assertions.Expect(page.GetByTestId("planner-only")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Pröva" }).CountAsync());
        Assert.Equal(0, await page.GetByTestId("ranking").CountAsync());
        await page.Context.CloseAsync();
    }
}
