using Planering.Domain.Calendar;

namespace Planering.Domain.Tests.Calendar;

public sealed class EasterComputusTests
{
    [Theory]
    [InlineData(1900, 4, 15)]
    [InlineData(1943, 4, 25)] // the latest possible date
    [InlineData(1954, 4, 18)] // one of the computus' two exception cases
    [InlineData(1961, 4, 2)]
    [InlineData(1981, 4, 19)] // the other exception case
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_matches_the_published_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), EasterComputus.EasterSunday(year));

    [Fact]
    public void Every_Easter_from_1900_to_2200_agrees_with_Gauss_and_is_a_Sunday_between_22_March_and_25_April()
    {
        for (var year = 1900; year <= 2200; year++)
        {
            var easter = EasterComputus.EasterSunday(year);
            Assert.Equal(GaussEaster(year), easter);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10_000)]
    public void Years_outside_the_Gregorian_range_are_refused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EasterComputus.EasterSunday(year));

    // Gauss's method with the Gregorian corrections: a second, independent derivation to check the first against.
    private static DateOnly GaussEaster(int year)
    {
        var a = year % 19;
        var b = year % 4;
        var c = year % 7;
        var k = year / 100;
        var p = ((8 * k) + 13) / 25;
        var q = k / 4;
        var m = (15 - p + k - q) % 30;
        var n = (4 + k - q) % 7;
        var d = ((19 * a) + m) % 30;
        var e = ((2 * b) + (4 * c) + (6 * d) + n) % 7;
        if (d == 29 && e == 6)
        {
            return new DateOnly(year, 4, 19);
        }

        if (d == 28 && e == 6 && ((11 * m) + 11) % 30 < 19)
        {
            return new DateOnly(year, 4, 18);
        }

        return new DateOnly(year, 3, 22).AddDays(d + e);
    }
}
