using System.Globalization;
using Planering.Domain.Errors;

namespace Planering.Domain.Calibration;

/// <summary>
/// When an office opened and how it was staffed up: <see cref="AdvisorsAtOpening"/> on <see cref="Opens"/>, one more each
/// month (<see cref="ReplayScenario.AdvisorsAddedPerMonth"/>) until <see cref="Advisors"/>.
/// </summary>
public sealed record OfficeOpening(string OfficeId, DateOnly Opens, int AdvisorsAtOpening, int Advisors);

/// <summary>
/// The first year of the quality dialogues as the seeds tell it, to replay through the real slot search
/// (<see cref="FirstYearReplay"/>). Each default names its source or its reasoning (docs/calibration.md).
/// </summary>
public sealed record ReplayScenario
{
    /// <summary>The seeds' first year: autumn 2022 to autumn 2023.</summary>
    public static ReplayScenario FirstYear { get; } = new();

    /// <summary>The first day counted (default 1 September 2022: Härnösand, the first office, opened in September 2022).</summary>
    public DateOnly Start { get; init; } = new(2022, 9, 1);

    /// <summary>Months counted from <see cref="Start"/> (default 13: "about 600 dialogues held after just over a year").</summary>
    public int Months { get; init; } = 13;

    /// <summary>
    /// The offices of the first year (Skolverket: "under hösten 2022 inrättat regionala kontor i Luleå, Härnösand, Solna och
    /// Malmö"; Härnösand first, in September; Luleå inaugurated in December 2022). Solna and Malmö are taken to open at the
    /// start of October (an assumption within "autumn 2022"). Göteborg and Örebro opened in spring 2024, after the replay.
    /// Staffing: a new office starts with three advisors (the least that leaves a pair when one is away) and recruits one a
    /// month up to its seeded default (an assumption; no staffing figures per office are published).
    /// </summary>
    public IReadOnlyList<OfficeOpening> Offices { get; init; } =
    [
        new("harnosand", new DateOnly(2022, 9, 1), 3, 5),
        new("solna", new DateOnly(2022, 10, 3), 3, 8),
        new("malmo", new DateOnly(2022, 10, 3), 3, 7),
        new("lulea", new DateOnly(2022, 12, 1), 3, 4),
    ];

    /// <summary>Advisors each office recruits per month until it has its full staff (default 1).</summary>
    public int AdvisorsAddedPerMonth { get; init; } = 1;

    /// <summary>The first invitations go out this many days after <see cref="Start"/> (default 14: the first office's first fortnight).</summary>
    public int FirstInvitationAfterDays { get; init; } = 14;

    /// <summary>Days between two looks at whether to send a batch (default 14: every other week).</summary>
    public int DaysBetweenBatches { get; init; } = 14;

    /// <summary>
    /// A batch goes out only while fewer dialogues than this are booked ahead or awaited from invited huvudmän (default 200:
    /// about two months of the four first offices' calendars at their weekly limit). The agencies invited as their offices
    /// could take them ("about 600 huvudmän were to be offered a dialogue" in the first year, and about as many were held),
    /// not the whole country at once.
    /// </summary>
    public int MaxDialoguesAhead { get; init; } = 200;

    /// <summary>Huvudmän per batch in 2022 (default 100: "100 huvudmän at a time in 2022", DIALOGUE-FACTS).</summary>
    public int BatchSizeFirstYear { get; init; } = 100;

    /// <summary>Huvudmän per batch from 2023 (default 150: "later 150–200 at a time").</summary>
    public int BatchSizeLater { get; init; } = 150;

    /// <summary>Share of invited huvudmän who accept (default 0.8: "a little over 8 in 10", Statskontoret 2025).</summary>
    public double AcceptShare { get; init; } = 0.8;

    /// <summary>Working days from an invitation to the huvudman's answer and booking (default 10: two weeks).</summary>
    public int AnswerWorkingDays { get; init; } = 10;

    /// <summary>The first day after the replay.</summary>
    public DateOnly End => Start.AddMonths(Months);

    /// <summary>Throws <see cref="PlaneringException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var v = new Violations();
        v.Require(Months is >= 1 and <= 60, "months", "must be between 1 and 60");
        v.Require(Offices is { Count: > 0 }, "offices", "must name at least one office");
        for (var i = 0; i < (Offices?.Count ?? 0); i++)
        {
            var o = Offices![i];
            var field = string.Create(CultureInfo.InvariantCulture, $"offices[{i}]");
            v.Require(o.AdvisorsAtOpening is >= 2 and <= 500, $"{field}.advisors_at_opening", "must be between 2 and 500");
            v.Require(o.Advisors >= o.AdvisorsAtOpening && o.Advisors <= 500, $"{field}.advisors", "must be at least advisors_at_opening and at most 500");
        }

        v.Require(AdvisorsAddedPerMonth is >= 0 and <= 50, "advisors_added_per_month", "must be between 0 and 50");
        v.Require(FirstInvitationAfterDays is >= 0 and <= 365, "first_invitation_after_days", "must be between 0 and 365");
        v.Require(DaysBetweenBatches is >= 1 and <= 365, "days_between_batches", "must be between 1 and 365");
        v.Require(MaxDialoguesAhead is >= 1 and <= 100_000, "max_dialogues_ahead", "must be between 1 and 100000");
        v.Require(BatchSizeFirstYear is >= 1 and <= 10_000, "batch_size_first_year", "must be between 1 and 10000");
        v.Require(BatchSizeLater is >= 1 and <= 10_000, "batch_size_later", "must be between 1 and 10000");
        v.Require(double.IsFinite(AcceptShare) && AcceptShare is >= 0 and <= 1, "accept_share", "must be between 0 and 1");
        v.Require(AnswerWorkingDays is >= 0 and <= 100, "answer_working_days", "must be between 0 and 100");
        v.ThrowIfAny();
    }

    /// <summary>The advisors an office has on a date: none before it opens, then the ramp.</summary>
    public int AdvisorsOn(OfficeOpening office, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (date < office.Opens)
        {
            return 0;
        }

        var months = ((date.Year - office.Opens.Year) * 12) + date.Month - office.Opens.Month;
        return (int)Math.Min(office.Advisors, office.AdvisorsAtOpening + ((long)months * AdvisorsAddedPerMonth));
    }
}
