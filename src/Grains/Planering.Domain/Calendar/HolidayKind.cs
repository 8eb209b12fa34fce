namespace Planering.Domain.Calendar;

/// <summary>Why a Swedish holiday is not worked: by law, or by custom.</summary>
public enum HolidayKind
{
    /// <summary>A public holiday by law (allmän helgdag, lagen (1989:253) om allmänna helgdagar).</summary>
    PublicHoliday = 1,

    /// <summary>Not a holiday by law, but a day Swedish offices close (midsommarafton, julafton, nyårsafton, påskafton).</summary>
    DeFactoHoliday = 2,
}
