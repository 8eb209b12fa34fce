using Planering.Domain.Registry;

namespace Planering.Domain.Tests.Registry;

/// <summary>An advisor given no working days works Monday to Friday; given some, exactly those.</summary>
public sealed class WorkingDaysDefaultTests
{
    [Fact]
    public void No_working_days_means_monday_to_friday()
    {
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Staffing.WorkingDaysOrDefault([]).Order());
    }

    [Fact]
    public void Given_working_days_are_kept_as_given_once_each()
    {
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], Staffing.WorkingDaysOrDefault([DayOfWeek.Thursday, DayOfWeek.Tuesday, DayOfWeek.Thursday]).Order());
    }
}
