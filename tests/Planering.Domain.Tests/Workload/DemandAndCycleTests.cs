using System.Globalization;
using Planering.Domain.Calendar;
using Planering.Domain.Workload;

namespace Planering.Domain.Tests.Workload;

public sealed class DemandAndCycleTests
{
    private static readonly WorkloadModel Model = WorkloadModel.Default;
    private static readonly OfficeWorkingTime Office = OfficeWorkingTime.Default;

    // Per dialogue: digital 16 h and on site 22.5 h (dialogue, preparation, travel), plus 2.75 h whatever the mode:
    // the introduction's share (1.5 h × 2 advisors / 6 huvudmän = 0.5), the feedback meeting (1 h × 2 = 2) and the
    // expected SPSM coordination (0.25 × 1 h): 18.75 h digital, 25.25 h on site.
    [Theory]
    [InlineData(0.5, 24, 11.0)]      // (0.5 × 18.75 + 0.5 × 25.25) × 12 / 24
    [InlineData(0.5, 36, 7.333333)]  // the defaults: 22 / 3
    [InlineData(1.0, 36, 6.25)]      // digital only: 18.75 / 3
    [InlineData(0.0, 12, 25.25)]     // on site every year
    [InlineData(0.25, 36, 7.875)]    // (4.6875 + 18.9375) / 3
    public void Demand_per_year_mixes_digital_and_on_site_cost_over_the_cycle(double digitalShare, int cycleMonths, double hours) =>
        Assert.Equal(hours, Model.DemandHoursPerYear(2000, 100, digitalShare, cycleMonths), 6);

    [Fact]
    public void Demand_uses_the_configured_share_and_cycle_by_default()
    {
        var model = new WorkloadModel(WorkloadOptions.Default with { DigitalShare = 0.5, CycleMonths = 24 });

        Assert.Equal(11.0, model.DemandHoursPerYear(2000, 100), 12);
        Assert.Equal(22.0 / 3, Model.DemandHoursPerYear(2000, 100), 12);
    }

    [Fact]
    public void Bad_demand_inputs_are_refused_naming_each_field()
    {
        PlaneringAssert.Invalid(() => Model.DemandHoursPerYear(2000, 100, 1.5, 0), "digital_share", "cycle_months");
        PlaneringAssert.Invalid(() => Model.DemandHoursPerYear(2000, 100, double.NaN), "digital_share");
        PlaneringAssert.Invalid(() => Model.DemandHoursPerYear(-1, 100), "pupils");
    }

    [Fact]
    public void A_huvudman_is_due_again_one_cycle_after_its_last_dialogue()
    {
        var last = Day("2026-03-15");

        Assert.Equal(Day("2029-03-15"), Model.NextDueDate(last));
        Assert.False(Model.IsDue(last, Day("2029-03-14")));
        Assert.True(Model.IsDue(last, Day("2029-03-15")));
        Assert.True(Model.IsDue(null, Day("2026-01-01")));
        Assert.Equal(Day("2028-03-15"), Model.NextDueDate(last, cycleMonths: 24));
        Assert.True(Model.IsDue(last, Day("2028-03-15"), cycleMonths: 24));
    }

    [Fact]
    public void A_cycle_from_a_leap_day_ends_on_the_last_day_of_February() =>
        Assert.Equal(Day("2027-02-28"), Model.NextDueDate(Day("2024-02-29")));

    [Fact]
    public void A_cycle_outside_1_to_240_months_is_refused() =>
        PlaneringAssert.Invalid(() => Model.IsDue(Day("2026-01-01"), Day("2030-01-01"), cycleMonths: 241), "cycle_months");

    [Theory]
    [InlineData("2026-01-12", "2026-01-26")] // Monday: the booking day is the first of ten preparation days
    [InlineData("2026-01-10", "2026-01-26")] // Saturday: preparation starts on Monday
    [InlineData("2026-03-26", "2026-04-13")] // over långfredagen and annandag påsk
    public void A_dialogue_can_be_held_ten_working_days_after_booking_at_the_earliest(string booked, string earliest)
    {
        Assert.Equal(Day(earliest), Model.EarliestDialogueDate(Day(booked), Office));
        Assert.True(Model.HasPreparationTime(Day(booked), Day(earliest), Office));
        Assert.False(Model.HasPreparationTime(Day(booked), Day(earliest).AddDays(-1), Office));
    }

    [Fact]
    public void The_preparation_window_is_the_ten_working_days_before_the_dialogue()
    {
        Assert.Equal(Day("2026-03-26"), Model.PreparationStart(Day("2026-04-13"), Office));

        // For every booking day of 2026 the earliest dialogue leaves exactly the lead time, which starts no earlier than the booking.
        for (var booked = Day("2026-01-01"); booked.Year == 2026; booked = booked.AddDays(1))
        {
            var earliest = Model.EarliestDialogueDate(booked, Office);
            Assert.True(Office.IsWorkingDay(earliest));
            Assert.Equal(10, Office.CountWorkingDays(booked, earliest));
            Assert.True(Model.PreparationStart(earliest, Office) >= booked);
        }
    }

    [Fact]
    public void The_lead_time_is_configurable()
    {
        var noLead = new WorkloadModel(WorkloadOptions.Default with { PreparationLeadWorkingDays = 0 });

        Assert.Equal(Day("2026-01-12"), noLead.EarliestDialogueDate(Day("2026-01-10"), Office));
        Assert.Equal(Day("2026-01-14"), noLead.PreparationStart(Day("2026-01-14"), Office));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1, 6, true)]
    [InlineData(2, 2, false)] // two on the day already
    [InlineData(1, 7, false)] // seven in the week already
    public void An_office_takes_at_most_two_dialogues_a_day_and_seven_a_week(int onDay, int inWeek, bool allowed) =>
        Assert.Equal(allowed, Model.AllowsAnotherDialogue(onDay, inWeek));

    [Fact]
    public void The_caps_are_configurable_and_counts_are_checked()
    {
        var busy = new WorkloadModel(WorkloadOptions.Default with { MaxDialoguesPerDay = 3, MaxDialoguesPerWeek = 10 });

        Assert.True(busy.AllowsAnotherDialogue(2, 9));
        Assert.False(busy.AllowsAnotherDialogue(3, 3));
        PlaneringAssert.Invalid(() => Model.AllowsAnotherDialogue(-1, 0), "dialogues_on_day");
        PlaneringAssert.Invalid(() => Model.AllowsAnotherDialogue(2, 1), "dialogues_in_week");
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
