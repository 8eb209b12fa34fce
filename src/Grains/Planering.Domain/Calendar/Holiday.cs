namespace Planering.Domain.Calendar;

/// <summary>A Swedish non-working day on a given date, named in Swedish and in English.</summary>
public sealed record Holiday(DateOnly Date, string SwedishName, string EnglishName, HolidayKind Kind);
