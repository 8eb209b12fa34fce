using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Parameters;

public sealed class PlanningParametersTests
{
    private static readonly string Huvudman = OrganisationNumber.FromNineDigits("556000001").Value;

    [Fact]
    public void The_shipped_defaults_are_valid_and_version_one()
    {
        PlanningParameters.Default.Validate();
        Assert.Equal(1, PlanningParameters.Default.Version);
        Assert.Equal(36, PlanningParameters.Default.Workload.CycleMonths);
        Assert.Equal(0.6, PlanningParameters.Default.DialogueShare);
        Assert.Equal(5, PlanningParameters.Default.Hours.ShortenedDays.Count);
        Assert.Equal(8.0, PlanningParameters.Default.Hours.WorkingHours(PlanningParameters.Default.Hours.DayEnd));
    }

    [Fact]
    public void Every_invalid_field_is_named_at_once()
    {
        var bad = PlanningParameters.Default with
        {
            Version = 0,
            DialogueShare = 1.5,
            Workload = WorkloadOptions.Default with { CycleMonths = 0, DigitalShare = double.NaN, FollowUpHours = -1, StartMeetingHuvudmanPerGroup = 0 },
            Hours = OfficeHours.Default with { LunchMinutes = 500 },
            Offices = new Dictionary<string, OfficeParameters>
            {
                ["solna"] = new(MaxDialoguesPerDay: 4, MaxDialoguesPerWeek: 3),
                ["Bad Id"] = new(MaxDialoguesPerDay: 0),
            },
            HuvudmanCycleMonths = new Dictionary<string, int> { [Huvudman] = 500, ["123"] = 12 },
        };

        PlaneringAssert.Invalid(
            bad.Validate,
            "version",
            "start_meeting_huvudman_per_group",
            "follow_up_hours",
            "cycle_months",
            "digital_share",
            "dialogue_share",
            "office_hours.lunch_minutes",
            "office_overrides[Bad Id].office_id",
            "office_overrides[Bad Id].max_dialogues_per_day",
            "office_overrides[solna].max_dialogues_per_week",
            "huvudman_cycles[123].huvudman_id",
            $"huvudman_cycles[{Huvudman}].cycle_months");
    }

    [Fact]
    public void An_office_override_changes_that_office_only_and_a_huvudman_cycle_that_huvudman_only()
    {
        var parameters = PlanningParameters.Default with
        {
            Offices = new Dictionary<string, OfficeParameters>
            {
                ["lulea"] = new(MaxDialoguesPerDay: 1, Hours: OfficeHours.Default with { DayStart = new TimeOnly(7, 0), DayEnd = new TimeOnly(16, 0) }),
            },
            HuvudmanCycleMonths = new Dictionary<string, int> { [Huvudman] = 12 },
        };

        Assert.Equal(1, parameters.WorkloadFor("lulea").Options.MaxDialoguesPerDay);
        Assert.Equal(WorkloadOptions.Default.MaxDialoguesPerWeek, parameters.WorkloadFor("lulea").Options.MaxDialoguesPerWeek);
        Assert.Equal(2, parameters.WorkloadFor("malmo").Options.MaxDialoguesPerDay);
        Assert.Equal(new TimeOnly(7, 0), parameters.WorkingTimeFor("lulea").Hours.DayStart);
        Assert.Equal(new TimeOnly(8, 0), parameters.WorkingTimeFor("malmo").Hours.DayStart);
        Assert.Equal(12, parameters.CycleMonthsFor(Huvudman));
        Assert.Equal(36, parameters.CycleMonthsFor("other"));

        var school = SchoolHolidayCalendar.Create(SwedishGeography.Sweden);
        var pair = WorldSeed.DefaultAdvisors("x", 2);
        var may = (new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 31));
        Assert.Equal(19, parameters.CapacityFor("lulea", school).Dialogues(pair, "2580", may.Item1, may.Item2)); // one a day, 19 working days
        Assert.Equal(28, parameters.CapacityFor("malmo", school).Dialogues(pair, "1280", may.Item1, may.Item2)); // 7 a week, four weeks
    }

    [Fact]
    public void The_dialogue_share_scales_capacity_hours()
    {
        var school = SchoolHolidayCalendar.Create(SwedishGeography.Sweden);
        var advisor = WorldSeed.DefaultAdvisors("x", 1);
        var may = (new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 1));
        var half = (PlanningParameters.Default with { DialogueShare = 0.3 }).CapacityFor(null, school).Hours(advisor, "1480", may.Item1, may.Item2);
        var full = PlanningParameters.Default.CapacityFor(null, school).Hours(advisor, "1480", may.Item1, may.Item2);

        Assert.Equal(full / 2, half, 9);
    }
}
