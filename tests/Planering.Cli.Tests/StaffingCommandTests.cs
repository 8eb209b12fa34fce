using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class StaffingCommandTests(SiloFixture silo)
{
    /// <summary>A fresh office with one full-time advisor, so no other test's office changes.</summary>
    private async Task<Office> ArrangeAsync()
    {
        var officeId = TestKeys.OfficeId();
        await silo.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Personalkontoret", Kommunkod = "1980" });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-x", Name = "Xena", Fte = 1 });
        return await silo.Registry.SetStaffingAsync(staffing);
    }

    private Task<Office> OfficeAsync(string officeId) => silo.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = officeId }).ResponseAsync;

    [Fact]
    public async Task Set_staffing_replaces_the_advisors_and_shows_the_office()
    {
        var office = await ArrangeAsync();
        var id = office.OfficeId;

        var result = await silo.RunAsync("set-staffing", id, "--advisor", $"{id}-a:Anna Berg:1", "--advisor", $"{id}-b:Karin Ek:0.5:mon-tue,thu",
            "--absence", $"{id}-a:2027-03-01:2027-03-05:kurs i Malmö");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"│ {id}\s+│ Personalkontoret\s+│ Västerås \(1980\)\s+│ [^│]+│\s+2 │\s+1\.5 │", result.Output);
        Assert.Matches($@"│ {id}-b\s+│ Karin Ek\s+│\s+0\.50 │ mon,tue,thu\s+│ -", result.Output);
        Assert.Contains("2027-03-01–2027-03-05 kurs i Malmö", result.Output, StringComparison.Ordinal);

        var changed = await OfficeAsync(id);
        Assert.Equal([$"{id}-a", $"{id}-b"], changed.Advisors.Select(a => a.AdvisorId).Order());
        Assert.Equal(1.5, changed.TotalFte, 3);
        var karin = changed.Advisors.Single(a => a.AdvisorId == $"{id}-b");
        Assert.Equal(("Karin Ek", 0.5), (karin.Name, karin.Fte));
        Assert.Equal([Weekday.Monday, Weekday.Tuesday, Weekday.Thursday], karin.WorkingDays);
        var absence = Assert.Single(changed.Advisors.Single(a => a.AdvisorId == $"{id}-a").Absences);
        Assert.Equal(("2027-03-01", "2027-03-05", "kurs i Malmö"), (absence.StartDate, absence.EndDate, absence.Reason));
    }

    [Fact]
    public async Task An_fte_above_1_is_refused_naming_the_option_and_nothing_changes()
    {
        var office = await ArrangeAsync();

        var result = await silo.RunAsync("set-staffing", office.OfficeId, "--advisor", $"{office.OfficeId}-a:Anna Berg:1.5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"planering: --advisor: '{office.OfficeId}-a:Anna Berg:1.5': FTE must be a share of a full-time position, more than 0 and at most 1 (e.g. 0.8)",
            Assert.Single(result.ErrorLines));
        Assert.Equal(office.Advisors, (await OfficeAsync(office.OfficeId)).Advisors);
    }

    [Fact]
    public async Task A_viewer_cannot_set_staffing_and_nothing_changes()
    {
        var office = await ArrangeAsync();

        var result = await CliRunner.RunAsync(
            null, "set-staffing", office.OfficeId, "--advisor", $"{office.OfficeId}-a:Anna Berg:1", "--server", silo.Address, "--token", silo.MintToken("cli-viewer", "viewer"));

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("planering: PERMISSION_DENIED: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(office.Advisors, (await OfficeAsync(office.OfficeId)).Advisors);
    }
}
