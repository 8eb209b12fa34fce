using System.Globalization;
using Planering.Domain.Calendar;

namespace Planering.Domain.Tests.Calendar;

public sealed class StockholmTimeTests
{
    [Theory]
    [InlineData("2026-03-27", "2026-03-27T08:00:00Z")] // Friday before summer time: CET, +01:00
    [InlineData("2026-03-30", "2026-03-30T07:00:00Z")] // Monday after 29 March: CEST, +02:00
    [InlineData("2026-10-23", "2026-10-23T07:00:00Z")] // Friday before winter time: CEST
    [InlineData("2026-10-26", "2026-10-26T08:00:00Z")] // Monday after 25 October: CET
    public void Nine_in_the_morning_is_seven_or_eight_UTC_depending_on_daylight_saving(string date, string utc)
    {
        var instant = StockholmTime.ToUtc(Day(date), new TimeOnly(9, 0));

        Assert.Equal(Utc(utc), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void A_time_in_the_spring_gap_does_not_exist()
    {
        var error = PlaneringAssert.Invalid(() => StockholmTime.ToUtc(Day("2026-03-29"), new TimeOnly(2, 30)), "local_time");
        Assert.Contains("2026-03-29 02:30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_in_the_spring_gap_is_moved_forward_by_the_gap_when_lenient()
    {
        // 02:30 does not exist; the wall clock reads 03:30 CEST an hour after 01:30 CET, which is 01:30Z.
        Assert.Equal(Utc("2026-03-29T01:30:00Z"), StockholmTime.ToUtcLenient(Day("2026-03-29"), new TimeOnly(2, 30)));
        Assert.Equal(Utc("2026-03-29T01:00:00Z"), StockholmTime.ToUtcLenient(Day("2026-03-29"), new TimeOnly(3, 0)));
    }

    [Fact]
    public void A_time_that_occurs_twice_in_autumn_is_read_as_the_first_in_summer_time()
    {
        Assert.Equal(Utc("2026-10-25T00:30:00Z"), StockholmTime.ToUtc(Day("2026-10-25"), new TimeOnly(2, 30)));
        Assert.Equal(Utc("2026-10-25T02:00:00Z"), StockholmTime.ToUtc(Day("2026-10-25"), new TimeOnly(3, 0)));
    }

    [Fact]
    public void Instants_read_back_in_local_time_with_the_offset_in_force()
    {
        var summer = StockholmTime.ToLocal(Utc("2026-07-01T10:00:00Z"));
        var winter = StockholmTime.ToLocal(Utc("2026-01-15T10:00:00Z"));

        Assert.Equal((new DateTime(2026, 7, 1, 12, 0, 0), TimeSpan.FromHours(2)), (summer.DateTime, summer.Offset));
        Assert.Equal((new DateTime(2026, 1, 15, 11, 0, 0), TimeSpan.FromHours(1)), (winter.DateTime, winter.Offset));

        // 23:30Z on the last Sunday of March is already Monday in Sweden.
        Assert.Equal(Day("2026-03-30"), StockholmTime.LocalDate(Utc("2026-03-29T23:30:00Z")));
        Assert.Equal(new TimeOnly(1, 30), StockholmTime.LocalTimeOfDay(Utc("2026-03-29T23:30:00Z")));
    }

    [Fact]
    public void Every_quarter_hour_of_2026_round_trips_except_the_spring_gap_and_the_repeated_autumn_hour()
    {
        var checkedCount = 0;
        for (var day = Day("2026-01-01"); day.Year == 2026; day = day.AddDays(1))
        {
            for (var minutes = 0; minutes < 24 * 60; minutes += 15)
            {
                var time = new TimeOnly(minutes / 60, minutes % 60);
                var local = day.ToDateTime(time);
                if (StockholmTime.TimeZone.IsInvalidTime(local) || StockholmTime.TimeZone.IsAmbiguousTime(local))
                {
                    continue;
                }

                var back = StockholmTime.ToLocal(StockholmTime.ToUtc(day, time));
                Assert.Equal(local, back.DateTime);
                checkedCount++;
            }
        }

        // 365 days × 96 quarters, minus 02:00–02:45 on 29 March (skipped) and 02:00–02:45 on 25 October (twice).
        Assert.Equal((365 * 96) - 4 - 4, checkedCount);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
