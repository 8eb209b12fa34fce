using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// The Swedish public holidays (helgdagar) and the de facto non-working days of any year 1900–2200.
/// </summary>
/// <remarks>
/// Today's rules (in force since 2005, when nationaldagen replaced annandag pingst) are applied to every year, also to
/// years before 2005: the calendar exists to plan dialogues from now on, and a single rule set keeps it predictable.
/// Two holidays can fall on one date (första maj and Kristi himmelsfärdsdag in 2008); both are listed.
/// Thread-safe; each year is computed once and kept.
/// </remarks>
public sealed class SwedishHolidays
{
    /// <summary>The first year the calendar answers for.</summary>
    public const int MinYear = 1900;

    /// <summary>The last year the calendar answers for.</summary>
    public const int MaxYear = 2200;

    private readonly ConcurrentDictionary<int, YearOfHolidays> _years = new();

    public SwedishHolidays(SwedishHolidayOptions? options = null)
    {
        Options = options ?? SwedishHolidayOptions.Default;
    }

    /// <summary>The holidays with påskafton closed.</summary>
    public static SwedishHolidays Default { get; } = new();

    public SwedishHolidayOptions Options { get; }

    /// <summary>Every holiday of the year in date order (statutory before de facto on a shared date).</summary>
    public IReadOnlyList<Holiday> ForYear(int year)
    {
        RequireYear(year, "year");
        return Year(year).All;
    }

    /// <summary>The holidays on a date: usually none or one, two when they coincide (the statutory one first).</summary>
    public IReadOnlyList<Holiday> On(DateOnly date)
    {
        RequireYear(date.Year, "date");
        return Year(date.Year).ByDate.TryGetValue(date, out var found) ? found : [];
    }

    /// <summary>True when the date is a holiday; <paramref name="holiday"/> is the first one on that date.</summary>
    public bool TryGetHoliday(DateOnly date, [NotNullWhen(true)] out Holiday? holiday)
    {
        var found = On(date);
        holiday = found.Count > 0 ? found[0] : null;
        return holiday is not null;
    }

    /// <summary>True when the date is a public or de facto holiday.</summary>
    public bool IsHoliday(DateOnly date) => On(date).Count > 0;

    internal static void RequireYear(int year, string field)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw PlaneringException.Invalid(
                field,
                string.Create(CultureInfo.InvariantCulture, $"year {year} is outside the supported {MinYear}–{MaxYear}"));
        }
    }

    private YearOfHolidays Year(int year) => _years.GetOrAdd(year, Compute, Options);

    private static YearOfHolidays Compute(int year, SwedishHolidayOptions options)
    {
        var easter = EasterComputus.EasterSunday(year);
        var list = new List<Holiday>(17)
        {
            Public(new DateOnly(year, 1, 1), "Nyårsdagen", "New Year's Day"),
            Public(new DateOnly(year, 1, 6), "Trettondedag jul", "Epiphany"),
            Public(easter.AddDays(-2), "Långfredagen", "Good Friday"),
            Public(easter, "Påskdagen", "Easter Sunday"),
            Public(easter.AddDays(1), "Annandag påsk", "Easter Monday"),
            Public(new DateOnly(year, 5, 1), "Första maj", "May Day"),
            Public(easter.AddDays(39), "Kristi himmelsfärdsdag", "Ascension Day"),
            Public(easter.AddDays(49), "Pingstdagen", "Whit Sunday"),
            Public(new DateOnly(year, 6, 6), "Sveriges nationaldag", "National Day of Sweden"),
            Public(CalendarDays.FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday), "Midsommardagen", "Midsummer Day"),
            Public(CalendarDays.FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday), "Alla helgons dag", "All Saints' Day"),
            Public(new DateOnly(year, 12, 25), "Juldagen", "Christmas Day"),
            Public(new DateOnly(year, 12, 26), "Annandag jul", "Boxing Day"),
            DeFacto(CalendarDays.FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday), "Midsommarafton", "Midsummer Eve"),
            DeFacto(new DateOnly(year, 12, 24), "Julafton", "Christmas Eve"),
            DeFacto(new DateOnly(year, 12, 31), "Nyårsafton", "New Year's Eve"),
        };

        if (options.PaskaftonIsNonWorking)
        {
            list.Add(DeFacto(easter.AddDays(-1), "Påskafton", "Easter Eve"));
        }

        // Stable sort: on a shared date the statutory holiday (added first) stays first.
        var all = list.OrderBy(h => h.Date).ThenBy(h => h.Kind).ToList();
        var byDate = all.GroupBy(h => h.Date).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Holiday>)g.ToList());
        return new YearOfHolidays(all, byDate);
    }

    private static Holiday Public(DateOnly date, string swedish, string english) => new(date, swedish, english, HolidayKind.PublicHoliday);

    private static Holiday DeFacto(DateOnly date, string swedish, string english) => new(date, swedish, english, HolidayKind.DeFactoHoliday);

    private sealed record YearOfHolidays(IReadOnlyList<Holiday> All, FrozenDictionary<DateOnly, IReadOnlyList<Holiday>> ByDate);
}
