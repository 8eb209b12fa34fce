using System.Globalization;
using Google.Protobuf;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Cli.Tests;

/// <summary>
/// propose-wave, commit-wave, introductions, book-introduction, answer-invitation, coverage and the take-up settings against the real silo, on an office in
/// Pajala (no other test uses it) with huvudmän of its own.
/// </summary>
[Collection(SharedSilo.Name)]
public sealed class InvitationCommandTests(SiloFixture silo)
{
    private const string Kommun = "2521";

    private static int _next = Random.Shared.Next(0, 90_000_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"6{Interlocked.Increment(ref _next):D8}").Value;

    [Fact]
    public async Task A_wave_is_proposed_committed_once_answered_and_shown_in_the_coverage()
    {
        var officeId = $"c{Guid.NewGuid():N}"[..20];
        await silo.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Pajalakontoret", Kommunkod = Kommun });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "A", Fte = 1 });
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-b", Name = "B", Fte = 1 });
        await silo.Registry.SetStaffingAsync(staffing);
        Assert.Equal(0, (await silo.RunAsync("plan", "--rebalance")).ExitCode);
        var own = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            own.Add(NewOrganisationNumber());
            await silo.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = own[^1], Name = $"Pajalaskolan {i}", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 120 });
        }

        var year = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        string[] period = ["--from", $"{year}-02-01", "--to", $"{year}-05-31", "--office", officeId];

        var proposed = await silo.RunAsync(["propose-wave", "--size", "2", .. period]);
        Assert.True(proposed.ExitCode == 0, proposed.ToString());
        Assert.Contains("Proposed wave: 2 huvudmän", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("dialogue capacity", proposed.Output, StringComparison.Ordinal);

        var waveId = $"cli-{Guid.NewGuid():N}"[..16];
        var commit = new[] { "commit-wave", "--wave-id", waveId, "--huvudman", string.Join(',', own) }.Concat(period).ToArray();
        var committed = await silo.RunAsync(commit);
        Assert.True(committed.ExitCode == 0, committed.ToString());
        Assert.Contains($"Wave {waveId} committed: 3 huvudmän invited", committed.Output, StringComparison.Ordinal);
        var retried = await silo.RunAsync(commit);
        Assert.Contains($"Wave {waveId} was already committed", retried.Output, StringComparison.Ordinal);

        // The wave's one introduction group: its earliest time shown, booked once, a retry with the request id books nothing.
        var group = $"{officeId}-01";
        var listed = await silo.RunAsync("introductions", "--wave-id", waveId);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains($"Wave {waveId}: 1 introduction group, 0 booked", listed.Output, StringComparison.Ordinal);
        var dry = await silo.RunAsync("book-introduction", "--wave-id", waveId, "--group", group, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains($"Earliest time for {group} (3 huvudmän):", dry.Output, StringComparison.Ordinal);
        var requestId = $"cli-intro-{Guid.NewGuid():N}";
        var booked = await silo.RunAsync("book-introduction", "--wave-id", waveId, "--group", group, "--request-id", requestId);
        Assert.True(booked.ExitCode == 0, booked.ToString());
        Assert.Contains($"Booked: introduction {group} of wave {waveId}", booked.Output, StringComparison.Ordinal);
        var rebooked = await silo.RunAsync("book-introduction", "--wave-id", waveId, "--group", group, "--request-id", requestId);
        Assert.Contains("nothing new booked", rebooked.Output, StringComparison.Ordinal);
        Assert.Contains("1 booked", (await silo.RunAsync("introductions", "--wave-id", waveId)).Output, StringComparison.Ordinal);
        var meetingId = JsonParser.Default.Parse<IntroductionMeeting>((await silo.RunAsync("book-introduction", "--wave-id", waveId, "--group", group, "--request-id", requestId, "--json")).Output).MeetingId;
        var cancelled = await silo.RunAsync("cancel-introduction", meetingId);
        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Contains($"Cancelled: introduction {group} of wave {waveId}", cancelled.Output, StringComparison.Ordinal);
        Assert.Contains("0 booked", (await silo.RunAsync("introductions", "--wave-id", waveId)).Output, StringComparison.Ordinal);
        var half = await silo.RunAsync("book-introduction", "--wave-id", waveId, "--group", group, "--start", "09:00");
        Assert.Equal(2, half.ExitCode);
        Assert.Contains("--date", half.Error, StringComparison.Ordinal);

        var declined = await silo.RunAsync("answer-invitation", own[0], "--answer", "declined", "--reason", "brist på tid");
        Assert.True(declined.ExitCode == 0, declined.ToString());
        Assert.Contains($"{own[0]} in wave {waveId} ({officeId}): declined (brist på tid)", declined.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await silo.RunAsync("answer-invitation", own[1], "--answer", "accepted")).ExitCode);

        var stranger = NewOrganisationNumber();
        await silo.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = stranger, Name = "Ej inbjuden", Type = HuvudmanType.Independent, Kommunkod = Kommun, Pupils = 50 });
        var uninvited = await silo.RunAsync("answer-invitation", stranger, "--answer", "accepted");
        Assert.Equal(4, uninvited.ExitCode);
        Assert.Contains("NOT_INVITED", uninvited.Error, StringComparison.Ordinal);

        var coverage = await silo.RunAsync("coverage");
        Assert.True(coverage.ExitCode == 0, coverage.ToString());
        Assert.Contains("Coverage of the cycle", coverage.Output, StringComparison.Ordinal);
        Assert.Contains("│ national", coverage.Output, StringComparison.Ordinal);
        var json = JsonParser.Default.Parse<Coverage>((await silo.RunAsync("coverage", "--json")).Output);
        var line = json.Offices.Single(o => o.OfficeId == officeId);
        Assert.Equal((3, 1, 1, 1), (line.Invited, line.Open, line.Accepted, line.Declined));
        Assert.Matches($@"│ {officeId}\s+│\s+\d+ │\s+3 │\s+1 │\s+1 │\s+1 │", coverage.Output);
    }

    [Fact]
    public async Task Set_parameters_changes_the_take_up_and_refuses_a_rate_of_zero_naming_the_field()
    {
        var before = JsonParser.Default.Parse<PlanningParameters>((await silo.RunAsync("parameters", "--json")).Output);
        var changed = await silo.RunAsync("set-parameters", "--acceptance-independent", "0.5", "--introduction-group-size", "8");
        try
        {
            Assert.True(changed.ExitCode == 0, changed.ToString());
            Assert.Contains("independent 50 %", changed.Output, StringComparison.Ordinal);
            Assert.Contains("8 huvudmän per group", changed.Output, StringComparison.Ordinal);

            var refused = await silo.RunAsync("set-parameters", "--acceptance-public", "0");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("acceptance_rate_public", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            await silo.RunAsync("set-parameters", "--acceptance-independent", before.AcceptanceRateIndependent.ToString(CultureInfo.InvariantCulture),
                "--introduction-group-size", before.StartMeetingHuvudmanPerGroup.ToString(CultureInfo.InvariantCulture));
        }
    }
}
