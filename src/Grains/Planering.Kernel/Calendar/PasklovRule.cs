namespace Planering.Domain.Calendar;

/// <summary>How påsklov is placed relative to Easter. Each kommun decides; these are the choices published calendars show.</summary>
public enum PasklovRule
{
    /// <summary>Monday (annandag påsk) to Friday of the ISO week after Easter Sunday.</summary>
    WeekAfterEaster = 1,

    /// <summary>Monday to Friday (långfredagen) of the week before Easter Sunday, stilla veckan.</summary>
    WeekBeforeEaster = 2,

    /// <summary>The week after Easter, unless Easter is late (see <see cref="SchoolHolidayRules.LateEasterFromAprilDay"/>): then the week before.</summary>
    WeekAfterUnlessLateEaster = 3,

    /// <summary>Monday–Friday of a fixed ISO week (<see cref="SchoolHolidayRules.PasklovWeek"/>), whenever Easter falls.</summary>
    FixedWeek = 4,
}
