using Planering.Domain.Workload;

namespace Planering.Domain.Tests.Workload;

public sealed class WorkloadOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_assumptions()
    {
        var options = WorkloadOptions.Default;

        Assert.Equal(
            (2, 500, 2.0, 0.5, 4.0, 6.0, 2.0, 16.0),
            (options.AdvisorsPerDialogue, options.SizeReferencePupils, options.DialogueBaseHours, options.DialogueHoursPerDoubling,
                options.DialogueMaxHours, options.PreparationBaseHours, options.PreparationHoursPerDoubling, options.PreparationMaxHours));
        Assert.Equal(
            (10, 1.3, 80.0, 36, 0.5, 2, 7),
            (options.PreparationLeadWorkingDays, options.RoadFactor, options.TravelSpeedKmPerHour, options.CycleMonths,
                options.DigitalShare, options.MaxDialoguesPerDay, options.MaxDialoguesPerWeek));
        Assert.Same(options, WorkloadModel.Default.Options);
    }

    [Fact]
    public void Every_out_of_range_parameter_is_named_at_once()
    {
        var bad = new WorkloadOptions
        {
            AdvisorsPerDialogue = 0,
            SizeReferencePupils = 0,
            DialogueBaseHours = double.NaN,
            DialogueHoursPerDoubling = -1,
            DialogueMaxHours = 13,
            PreparationBaseHours = -1,
            PreparationHoursPerDoubling = double.PositiveInfinity,
            PreparationMaxHours = 201,
            PreparationLeadWorkingDays = -1,
            RoadFactor = 0.9,
            TravelSpeedKmPerHour = 0,
            CycleMonths = 0,
            DigitalShare = 1.1,
            MaxDialoguesPerDay = 0,
            MaxDialoguesPerWeek = 0,
        };

        PlaneringAssert.Invalid(
            () => new WorkloadModel(bad),
            "advisors_per_dialogue",
            "size_reference_pupils",
            "dialogue_base_hours",
            "dialogue_hours_per_doubling",
            "dialogue_max_hours",
            "preparation_base_hours",
            "preparation_hours_per_doubling",
            "preparation_max_hours",
            "preparation_lead_working_days",
            "road_factor",
            "travel_speed_km_per_hour",
            "cycle_months",
            "digital_share",
            "max_dialogues_per_day",
            "max_dialogues_per_week");
    }

    [Fact]
    public void Caps_below_their_base_and_a_week_cap_below_the_day_cap_are_refused() =>
        PlaneringAssert.Invalid(
            () => new WorkloadModel(WorkloadOptions.Default with
            {
                DialogueMaxHours = 1.5,
                PreparationMaxHours = 5,
                MaxDialoguesPerDay = 3,
                MaxDialoguesPerWeek = 2,
            }),
            "dialogue_max_hours",
            "preparation_max_hours",
            "max_dialogues_per_week");
}
