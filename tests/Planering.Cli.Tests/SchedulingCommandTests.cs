using System.Globalization;
using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class SchedulingCommandTests(SiloFixture silo)
{
    /// <summary>Monday of ISO week 9 next year: Stockholm's sportlov, far enough ahead of any "today" for the lead time.</summary>
    private static DateOnly SportlovMonday => DateOnly.FromDateTime(ISOWeek.ToDateTime(DateTime.UtcNow.Year + 1, 9, DayOfWeek.Monday));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fresh office with two advisors and fresh huvudmän beside it, so no other test books its calendar.</summary>
    private async Task<(string OfficeId, string[] Huvudman)> ArrangeAsync(int huvudman)
    {
        var officeId = TestKeys.OfficeId();
        await silo.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Testkontoret", Kommunkod = "1980" });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "Astrid", Fte = 1 });
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-b", Name = "Björn", Fte = 1 });
        await silo.Registry.SetStaffingAsync(staffing);
        var numbers = new string[huvudman];
        for (var i = 0; i < huvudman; i++)
        {
            numbers[i] = TestKeys.OrganisationNumber();
            await silo.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = numbers[i], Name = $"Friskolan {i}", Type = HuvudmanType.Independent, Kommunkod = "1980", Pupils = 300 });
        }

        return (officeId, numbers);
    }

    private static string[] Search(string huvudman, string officeId) =>
        [huvudman, "--from", Date(SportlovMonday.AddDays(70)), "--mode", "digital", "--office", officeId];

    [Fact]
    public async Task Next_slot_shows_the_slot_and_why_earlier_days_failed_in_Swedish_and_English()
    {
        var result = await silo.RunAsync("next-slot", "2120001801", "--from", Date(SportlovMonday), "--mode", "digital");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Next slot: solna ", result.Output, StringComparison.Ordinal);
        Assert.Contains("SCHOOL_HOLIDAY", result.Output, StringComparison.Ordinal);
        Assert.Contains("Skollov i huvudmannens kommun", result.Output, StringComparison.Ordinal);
        Assert.Contains("School holiday in the huvudman's kommun", result.Output, StringComparison.Ordinal);
        Assert.Contains("To book this slot: planering book 2120001801 --office solna", result.Output, StringComparison.Ordinal);

        var json = JsonParser.Default.Parse<FindNextSlotResponse>((await silo.RunAsync("next-slot", "2120001801", "--from", Date(SportlovMonday), "--mode", "digital", "--json")).Output);
        Assert.Equal("solna", json.Slot.OfficeId);
        Assert.Contains(json.Rejections, r => r.Code == "SCHOOL_HOLIDAY" && r.FirstDate == Date(SportlovMonday));
    }

    [Fact]
    public async Task Book_next_with_a_request_id_is_safe_to_retry()
    {
        var (officeId, huvudman) = await ArrangeAsync(1);
        var requestId = $"test-{Guid.NewGuid():N}";

        var first = await silo.RunAsync(["book", .. Search(huvudman[0], officeId), "--next", "--request-id", requestId, "--json"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Empty(first.Error);
        var dialogue = JsonParser.Default.Parse<Dialogue>(first.Output);
        Assert.Equal(DialogueStatus.Booked, dialogue.Status);
        Assert.Equal(requestId, dialogue.RequestId);

        Assert.False(dialogue.Replayed);
        var retried = JsonParser.Default.Parse<Dialogue>((await silo.RunAsync(["book", .. Search(huvudman[0], officeId), "--next", "--request-id", requestId, "--json"])).Output);
        Assert.Equal(dialogue.DialogueId, retried.DialogueId);
        Assert.True(retried.Replayed);

        // In a table the retry says it booked nothing new.
        var shown = await silo.RunAsync(["book", .. Search(huvudman[0], officeId), "--next", "--request-id", requestId]);
        Assert.Contains($"Already booked by an earlier call with request id {requestId} (nothing new booked): {officeId} ", shown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Booked:", shown.Output, StringComparison.Ordinal);

        var listed = await silo.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { OfficeId = officeId });
        Assert.Equal(dialogue.DialogueId, Assert.Single(listed.Dialogues).DialogueId);
    }

    [Fact]
    public async Task Book_without_a_request_id_prints_the_generated_one_for_a_retry()
    {
        var (officeId, huvudman) = await ArrangeAsync(1);

        var result = await silo.RunAsync(["book", .. Search(huvudman[0], officeId), "--next"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^request id: (cli-[0-9a-f]{32}) \(to retry this booking safely: --request-id \1\)$", Assert.Single(result.ErrorLines));
        Assert.Contains($"Booked: {officeId} ", result.Output, StringComparison.Ordinal);
        var id = result.ErrorLines[0].Split(' ')[2];
        var listed = await silo.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { HuvudmanId = huvudman[0] });
        Assert.Equal(id, Assert.Single(listed.Dialogues).RequestId);
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_is_refused_with_the_next_free_slot_exit_4()
    {
        var (officeId, huvudman) = await ArrangeAsync(2);
        var slot = JsonParser.Default.Parse<FindNextSlotResponse>((await silo.RunAsync(["next-slot", .. Search(huvudman[0], officeId), "--json"])).Output).Slot;
        string[] named = ["--office", officeId, "--date", slot.Date, "--start", slot.LocalStart, "--mode", "digital", "--advisors", string.Join(',', slot.AdvisorIds)];

        var booked = await silo.RunAsync(["book", huvudman[0], .. named]);
        Assert.True(booked.ExitCode == 0, booked.ToString());

        var taken = await silo.RunAsync(["book", huvudman[1], .. named, "--request-id", $"test-{Guid.NewGuid():N}"]);
        Assert.Equal(4, taken.ExitCode);
        var line = Assert.Single(taken.ErrorLines);
        Assert.StartsWith("planering: ABORTED: the slot is no longer free", line, StringComparison.Ordinal);
        Assert.Contains("[SLOT_TAKEN ", line, StringComparison.Ordinal);
        Assert.Contains("next_date=", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_takes_a_dialogue_off_the_listing_unless_cancelled_ones_are_asked_for()
    {
        var (officeId, huvudman) = await ArrangeAsync(1);
        var dialogue = JsonParser.Default.Parse<Dialogue>((await silo.RunAsync(["book", .. Search(huvudman[0], officeId), "--next", "--json"])).Output);

        var listed = await silo.RunAsync("dialogues", "--office", officeId);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(dialogue.DialogueId, listed.Output, StringComparison.Ordinal);
        Assert.Contains("1 dialogues", listed.Output, StringComparison.Ordinal);

        var cancelled = await silo.RunAsync("cancel", dialogue.DialogueId, "--reason", "Huvudmannen bad om en ny tid");
        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Contains("cancelled", cancelled.Output, StringComparison.Ordinal);
        Assert.Contains("Huvudmannen bad om en ny tid", cancelled.Output, StringComparison.Ordinal);

        var without = await silo.RunAsync("dialogues", "--office", officeId);
        Assert.DoesNotContain(dialogue.DialogueId, without.Output, StringComparison.Ordinal);

        var with = JsonParser.Default.Parse<ListDialoguesResponse>((await silo.RunAsync("dialogues", "--huvudman", huvudman[0], "--include-cancelled", "--json")).Output);
        var only = Assert.Single(with.Dialogues);
        Assert.Equal(DialogueStatus.Cancelled, only.Status);
        Assert.Equal("Huvudmannen bad om en ny tid", only.CancelReason);
    }

    [Fact]
    public async Task Cancelling_an_unknown_dialogue_is_not_found_exit_3()
    {
        var result = await silo.RunAsync("cancel", $"{TestKeys.OfficeId()}.ffffffffffffffffffff");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("planering: NOT_FOUND: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
