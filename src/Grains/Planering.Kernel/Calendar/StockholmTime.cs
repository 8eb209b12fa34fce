using System.Globalization;
using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// Conversions between Swedish local time (Europe/Stockholm, CET/CEST) and instants. Offices plan in local time;
/// bookings are stored as instants, so every step between the two goes through here.
/// </summary>
public static class StockholmTime
{
    /// <summary>The IANA id; .NET resolves it on Linux, macOS and (through ICU) Windows.</summary>
    public const string TimeZoneId = "Europe/Stockholm";

    private static readonly Lazy<TimeZoneInfo> Zone = new(() => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    /// <summary>The Europe/Stockholm time zone.</summary>
    public static TimeZoneInfo TimeZone => Zone.Value;

    /// <summary>The instant (offset zero) of a local date and time.</summary>
    /// <remarks>
    /// A local time that occurs twice (02:00–03:00 on the last Sunday of October) is read as the first occurrence, in
    /// summer time. A local time that does not exist (02:00–03:00 on the last Sunday of March) is refused.
    /// </remarks>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly localTime)
    {
        var local = date.ToDateTime(localTime, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            throw PlaneringException.Invalid(
                "local_time",
                string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} does not exist in Sweden (the clocks move forward)"));
        }

        return ToUtcUnchecked(local);
    }

    /// <summary>Like <see cref="ToUtc"/>, but a local time inside the spring gap is moved forward by the gap, as a wall clock would be.</summary>
    public static DateTimeOffset ToUtcLenient(DateOnly date, TimeOnly localTime)
    {
        var local = date.ToDateTime(localTime, DateTimeKind.Unspecified);

        // Read with the offset in force before the gap (Stockholm's gaps are all the start of summer time, from standard time).
        return TimeZone.IsInvalidTime(local)
            ? new DateTimeOffset(local, TimeZone.BaseUtcOffset).ToUniversalTime()
            : ToUtcUnchecked(local);
    }

    /// <summary>The same instant, expressed with Stockholm's offset at that instant (+01:00 or +02:00).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The Swedish calendar date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The Swedish wall-clock time of an instant.</summary>
    public static TimeOnly LocalTimeOfDay(DateTimeOffset instant) => TimeOnly.FromDateTime(ToLocal(instant).DateTime);

    private static DateTimeOffset ToUtcUnchecked(DateTime local)
    {
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
