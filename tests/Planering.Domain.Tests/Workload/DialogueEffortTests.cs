using Planering.Domain.Workload;

namespace Planering.Domain.Tests.Workload;

public sealed class DialogueEffortTests
{
    private static readonly WorkloadModel Model = WorkloadModel.Default;

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(500, 2.0)]      // the reference size
    [InlineData(707, 2.25)]     // half a doubling: 2 + 0.5 × 0.4998 = 2.2499 → 2.25
    [InlineData(1000, 2.5)]     // one doubling
    [InlineData(1500, 2.75)]    // log2(3) = 1.585: 2.79 → 2.75
    [InlineData(2000, 3.0)]
    [InlineData(4000, 3.5)]
    [InlineData(8000, 4.0)]     // four doublings reach the cap
    [InlineData(1_000_000, 4.0)]
    public void Dialogue_hours_grow_half_an_hour_per_doubling_of_pupils_up_to_four(int pupils, double hours) =>
        Assert.Equal(hours, Model.DialogueHours(pupils));

    [Theory]
    [InlineData(100, 6.0)]
    [InlineData(1000, 8.0)]
    [InlineData(1500, 9.25)]    // 6 + 2 × 1.585 = 9.17 → 9.25
    [InlineData(2000, 10.0)]
    [InlineData(8000, 14.0)]
    [InlineData(16_000, 16.0)]  // five doublings reach the cap
    [InlineData(120_000, 16.0)]
    public void Preparation_hours_grow_two_hours_per_doubling_of_pupils_up_to_sixteen(int pupils, double hours) =>
        Assert.Equal(hours, Model.PreparationHours(pupils));

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(80.0, 1.3)]
    [InlineData(100.0, 1.625)]
    [InlineData(400.0, 6.5)]
    public void Travel_one_way_is_great_circle_km_times_1_3_over_80_km_per_hour(double km, double hours) =>
        Assert.Equal(hours, Model.TravelHoursOneWay(km), 12);

    [Fact]
    public void An_on_site_dialogue_counts_dialogue_preparation_and_travel_for_both_advisors()
    {
        var effort = Model.Estimate(2000, DialogueMode.OnSite, 100);

        Assert.Equal(DialogueMode.OnSite, effort.Mode);
        Assert.Equal(2, effort.Advisors);
        Assert.Equal(3.0, effort.DialogueHours);
        Assert.Equal(10.0, effort.PreparationHours);
        Assert.Equal(1.625, effort.TravelHoursOneWay, 12);
        Assert.Equal(3.25, effort.TravelHoursRoundTrip, 12);
        Assert.Equal(6.25, effort.HoursAwayPerAdvisor, 12);
        Assert.Equal(6.0, effort.DialogueAdvisorHours);
        Assert.Equal(6.5, effort.TravelAdvisorHours, 12);
        Assert.Equal(0.5, effort.StartMeetingAdvisorHours, 12); // 1.5 h × 2 advisors shared by 6 huvudmän
        Assert.Equal(2.0, effort.FollowUpAdvisorHours, 12);     // 1 h × 2 advisors
        Assert.Equal(10.5, effort.HoursBefore, 12);             // preparation and the introduction's share
        Assert.Equal(25.0, effort.AdvisorHoursTotal, 12);       // 0.5 + 10 + 6 + 6.5 + 2
    }

    [Fact]
    public void A_digital_dialogue_has_no_travel_whatever_the_distance()
    {
        var effort = Model.Estimate(2000, DialogueMode.Digital, 900);

        Assert.Equal(0.0, effort.TravelHoursOneWay);
        Assert.Equal(0.0, effort.TravelAdvisorHours);
        Assert.Equal(3.0, effort.HoursAwayPerAdvisor);
        Assert.Equal(18.5, effort.AdvisorHoursTotal); // 0.5 + 10 + 6 + 2
    }

    [Fact]
    public void SPSM_hours_are_SPSM_s_and_the_office_pays_only_the_coordination()
    {
        var without = Model.Estimate(2000, DialogueMode.OnSite, 100);
        var with = Model.Estimate(2000, DialogueMode.OnSite, 100, spsmParticipates: true);

        Assert.True(with.SpsmParticipates);
        Assert.False(without.SpsmParticipates);
        Assert.Equal(without.AdvisorHoursTotal + 1.0, with.AdvisorHoursTotal, 12);
        Assert.Equal(without.Advisors, with.Advisors);
        Assert.Equal(0.0, without.SpsmHours);
        Assert.Equal(4.0, with.SpsmHours, 12); // the 3 h dialogue and the 1 h feedback meeting
    }

    [Fact]
    public void The_steps_fall_before_on_and_after_the_dialogue_and_add_up_to_the_total()
    {
        var effort = Model.Estimate(2000, DialogueMode.OnSite, 100, spsmParticipates: true);
        var steps = effort.Steps(Model.Options);

        Assert.Equal(["introduction", "preparation", "dialogue", "follow_up"], steps.Select(s => s.Name));
        Assert.Equal([-10, -10, 0, 15], steps.Select(s => s.WorkingDaysFromDialogue));
        Assert.Equal(effort.AdvisorHoursTotal, steps.Sum(s => s.AdvisorHours), 12);
    }

    [Fact]
    public void Expected_hours_mix_the_modes_and_the_spsm_share()
    {
        var digital = Model.Estimate(2000, DialogueMode.Digital, 100).AdvisorHoursTotal;
        var onSite = Model.Estimate(2000, DialogueMode.OnSite, 100).AdvisorHoursTotal;

        Assert.Equal((0.5 * digital) + (0.5 * onSite) + (0.25 * 1.0), Model.ExpectedAdvisorHoursPerDialogue(2000, 100), 12);
    }

    [Fact]
    public void The_parameters_change_the_estimate()
    {
        var model = new WorkloadModel(WorkloadOptions.Default with { AdvisorsPerDialogue = 3, RoadFactor = 1.0, TravelSpeedKmPerHour = 100 });

        var effort = model.Estimate(2000, DialogueMode.OnSite, 100);

        Assert.Equal(1.0, effort.TravelHoursOneWay, 12);
        Assert.Equal(6.0, effort.TravelAdvisorHours, 12);   // 2 h round trip × 3
        Assert.Equal(27.5, effort.AdvisorHoursTotal, 12);   // 9 + 10 + 6, and the introduction's 0.5 and the feedback's 2
    }

    [Fact]
    public void Hours_round_to_the_nearest_quarter_with_halves_up()
    {
        // One doubling at 0.125 h gives 2.125 h, exactly between 2.0 and 2.25.
        var model = new WorkloadModel(WorkloadOptions.Default with { DialogueHoursPerDoubling = 0.125, PreparationHoursPerDoubling = 0.1 });

        Assert.Equal(2.25, model.DialogueHours(1000));
        Assert.Equal(6.0, model.PreparationHours(1000)); // 6.1 → 6.0
    }

    [Fact]
    public void Every_estimate_is_a_whole_number_of_quarter_hours_and_grows_with_size()
    {
        var previous = Model.Estimate(0, DialogueMode.Digital, 0);
        for (var pupils = 0; pupils <= 200_000; pupils += 250)
        {
            var effort = Model.Estimate(pupils, DialogueMode.Digital, 0);
            Assert.Equal(0, (effort.DialogueHours * 4) % 1);
            Assert.Equal(0, (effort.PreparationHours * 4) % 1);
            Assert.True(effort.AdvisorHoursTotal >= previous.AdvisorHoursTotal);
            previous = effort;
        }
    }

    [Fact]
    public void Bad_inputs_are_refused_naming_each_field()
    {
        PlaneringAssert.Invalid(() => Model.Estimate(-1, (DialogueMode)0, double.NaN), "pupils", "mode", "distance_km");
        PlaneringAssert.Invalid(() => Model.Estimate(1_000_001, DialogueMode.OnSite, 10), "pupils");
        PlaneringAssert.Invalid(() => Model.Estimate(100, DialogueMode.OnSite, -0.5), "distance_km");
        PlaneringAssert.Invalid(() => Model.Estimate(100, DialogueMode.Digital, double.PositiveInfinity), "distance_km");
        PlaneringAssert.Invalid(() => Model.TravelHoursOneWay(2_501), "distance_km");
        PlaneringAssert.Invalid(() => Model.DialogueHours(-5), "pupils");
        PlaneringAssert.Invalid(() => Model.PreparationHours(-5), "pupils");
    }
}
