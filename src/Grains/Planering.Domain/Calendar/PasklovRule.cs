namespace Planering.Domain.Calendar;

/// <summary>How the default påsklov is placed relative to Easter (each kommun decides; these are the two common choices).</summary>
public enum PasklovRule
{
    /// <summary>Monday (annandag påsk) to Friday of the ISO week after Easter Sunday.</summary>
    WeekAfterEaster = 1,

    /// <summary>Monday to Friday (långfredagen) of the week before Easter Sunday, stilla veckan.</summary>
    WeekBeforeEaster = 2,
}
