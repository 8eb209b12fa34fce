using Planering.Domain.Scheduling;

namespace Planering.Domain.Tests.Scheduling;

/// <summary>Which rejections of a chosen slot mean "taken since it was offered" (a conflict) rather than "never bookable".</summary>
public sealed class RejectionKindsTests
{
    [Theory]
    [InlineData(RejectionCode.AdvisorsBusy)]
    [InlineData(RejectionCode.DailyCap)]
    [InlineData(RejectionCode.WeeklyCap)]
    [InlineData(RejectionCode.Preparation)]
    [InlineData(RejectionCode.NightsLimit)]
    public void A_rule_that_other_bookings_can_break_means_the_slot_was_taken(RejectionCode code) => Assert.True(code.MeansTaken());

    [Theory]
    [InlineData(RejectionCode.NonWorkingDay)]
    [InlineData(RejectionCode.PublicHoliday)]
    [InlineData(RejectionCode.SchoolHoliday)]
    [InlineData(RejectionCode.LeadTime)]
    [InlineData(RejectionCode.CycleSpacing)]
    [InlineData(RejectionCode.BlockedDate)]
    [InlineData(RejectionCode.AdvisorAbsent)]
    [InlineData(RejectionCode.Travel)]
    [InlineData(RejectionCode.OutsideOfficeHours)]
    [InlineData(RejectionCode.TravelDay)]
    public void A_rule_no_other_booking_affects_means_the_slot_can_never_be_booked(RejectionCode code) => Assert.False(code.MeansTaken());

    [Fact]
    public void Every_rejection_code_is_classified_by_one_of_the_two_theories_above()
    {
        // A new code must be placed on purpose: the theories list 15 codes, the enum must hold exactly those.
        Assert.Equal(15, Enum.GetValues<RejectionCode>().Length);
    }
}
