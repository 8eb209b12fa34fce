using Planering.Domain.Calendar;
using Planering.Domain.Calibration;
using Planering.Domain.Errors;
using Planering.Domain.Parameters;
using Planering.Domain.Workload;
using Planering.Domain.World;
using Xunit.Abstractions;

namespace Planering.Domain.Tests.Calibration;

/// <summary>
/// The calibration: the first year replayed through the real slot search must hold about the seeds' 600 dialogues with
/// the shipped defaults. A change to a default, a rule or the seeded world that moves the figure out of the ±15 % band
/// fails here (the replay takes a few seconds; docs/calibration.md explains it).
/// </summary>
public sealed class FirstYearReplayTests(ITestOutputHelper output)
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly Lazy<ReplayResult> Shipped = new(() => Replay().Run(Sweden));

    private static FirstYearReplay Replay(ReplayScenario? scenario = null, WorkloadOptions? workload = null) =>
        new(scenario ?? ReplayScenario.FirstYear, PlanningParameters.Default with { Workload = workload ?? WorkloadOptions.Default }, SchoolHolidayCalendar.Create(Sweden));

    [Fact]
    public void The_first_13_months_hold_about_600_dialogues_with_the_shipped_defaults()
    {
        var result = Shipped.Value;
        output.WriteLine($"first 13 months: {result.Held} dialogues held (seeds: about 600); {result.Invited} invited in {result.Batches.Count} batches, {result.Booked} booked");

        Assert.InRange(result.Held, 510, 690);
        Assert.Equal(result.Held, result.HeldPerMonth.Sum(m => m.Held));
        Assert.Equal(result.Held, result.HeldPerOffice.Values.Sum());
        // The invitations kept pace with what the offices could book: nobody accepted and found no slot within a year.
        Assert.Equal(0, result.NotBookable);
        Assert.InRange(result.OnSiteHeld, result.Held / 4, 3 * result.Held / 4);
    }

    [Fact]
    public void The_offices_open_as_the_facts_say_and_the_rules_show_in_the_months()
    {
        var result = Shipped.Value;
        int Held(int year, int month) => result.HeldPerMonth.Single(m => m.Year == year && m.Month == month).Held;

        // Härnösand opens in September 2022 and the first invitations need their answer and lead time: nothing that month.
        Assert.Equal(0, Held(2022, 9));
        // July is sommarlov everywhere: no dialogue.
        Assert.Equal(0, Held(2023, 7));
        Assert.Equal(["harnosand", "lulea", "malmo", "solna"], result.HeldPerOffice.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.HeldPerOffice.Values, held => Assert.True(held > 0));
        // Invitations in batches: 100 at a time in 2022, 150 later.
        Assert.All(result.Batches.Where(b => b.Day.Year == 2022), b => Assert.Equal(100, b.Size));
        Assert.All(result.Batches.Where(b => b.Day.Year == 2023), b => Assert.Equal(150, b.Size));
    }

    [Fact]
    public void Fewer_dialogues_a_week_hold_fewer_dialogues_and_a_later_Lulea_holds_none_there()
    {
        var fewer = Replay(workload: WorkloadOptions.Default with { MaxDialoguesPerWeek = 4 }).Run(Sweden);
        Assert.True(fewer.Held < Shipped.Value.Held - 100, $"{fewer.Held} vs {Shipped.Value.Held}");

        var scenario = ReplayScenario.FirstYear with
        {
            Offices = [.. ReplayScenario.FirstYear.Offices.Select(o => o.OfficeId == "lulea" ? o with { Opens = new DateOnly(2024, 1, 1) } : o)],
        };
        Assert.Equal(0, Replay(scenario).Run(Sweden).HeldPerOffice["lulea"]);
    }

    [Fact]
    public void A_scenario_out_of_range_is_refused_naming_each_field()
    {
        var scenario = ReplayScenario.FirstYear with { Months = 0, AcceptShare = 1.5, Offices = [new OfficeOpening("x", new DateOnly(2022, 9, 1), 1, 0)] };

        var error = Assert.Throws<PlaneringException>(() => Replay(scenario).Run(Sweden));

        Assert.Equal(["accept_share", "months", "offices[0].advisors", "offices[0].advisors_at_opening"], error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
