namespace Planering.Grains.Forecasting;

/// <summary>Overrides of the forecast's random influences; a null field keeps the documented default.</summary>
[GenerateSerializer, Immutable, Alias("planering.ForecastParameterOverrides")]
public sealed record ForecastParameterOverrides(
    [property: Id(0)] double? CancellationRate,
    [property: Id(1)] double? RescheduledShare,
    [property: Id(2)] double? DurationCv,
    [property: Id(3)] double? SicknessMean,
    [property: Id(4)] double? SicknessSd,
    [property: Id(5)] double? ParentalLeaveRate,
    [property: Id(6)] double? VacancyRate,
    [property: Id(7)] double? HiringDelayMeanMonths)
{
    public static ForecastParameterOverrides None { get; } = new(null, null, null, null, null, null, null, null);
}

/// <summary>What a caller asks: which offices, how far, how many paths, which seed, which parameters.</summary>
[GenerateSerializer, Immutable, Alias("planering.ForecastRequest")]
public sealed record ForecastRequest(
    [property: Id(0)] IReadOnlyList<string> OfficeIds,
    [property: Id(1)] int HorizonMonths,
    [property: Id(2)] int Paths,
    [property: Id(3)] long Seed,
    [property: Id(4)] ForecastParameterOverrides Parameters)
{
    /// <summary>The seed of the live forecast and of requests that name none, so the same plan gives the same figures.</summary>
    public const long DefaultSeed = 20_261_123;
}

[GenerateSerializer, Immutable, Alias("planering.BandRecord")]
public sealed record BandRecord([property: Id(0)] double Mean, [property: Id(1)] double P10, [property: Id(2)] double P50, [property: Id(3)] double P90);

[GenerateSerializer, Immutable, Alias("planering.MonthForecastRecord")]
public sealed record MonthForecastRecord(
    [property: Id(0)] int Year,
    [property: Id(1)] int Month,
    [property: Id(2)] BandRecord DemandHours,
    [property: Id(3)] BandRecord CapacityHours,
    [property: Id(4)] BandRecord Utilisation,
    [property: Id(5)] BandRecord BacklogHours,
    [property: Id(6)] double DemandDialogues = 0,
    [property: Id(7)] double DialogueCapacity = 0,
    [property: Id(8)] Planering.Domain.Planning.BindingLimit Binding = Planering.Domain.Planning.BindingLimit.None,
    [property: Id(9)] Planering.Domain.Planning.LoadStatus Status = Planering.Domain.Planning.LoadStatus.Ok,
    [property: Id(10)] double NightsAway = 0);

[GenerateSerializer, Immutable, Alias("planering.TrendRecord")]
public sealed record TrendRecord(
    [property: Id(0)] int HistoryMonths,
    [property: Id(1)] double Intercept,
    [property: Id(2)] double SlopePerMonth,
    [property: Id(3)] double ResidualStandardError);

[GenerateSerializer, Immutable, Alias("planering.OfficeForecastRecord")]
public sealed record OfficeForecastRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] string Method,
    [property: Id(2)] IReadOnlyList<MonthForecastRecord> Months,
    [property: Id(3)] double CoverageProbability,
    [property: Id(4)] TrendRecord? Trend);

/// <summary>A capacity forecast as it crosses grain calls.</summary>
/// <param name="Version">Counts the live forecast's recomputations; 0 for one computed for a single request.</param>
[GenerateSerializer, Immutable, Alias("planering.ForecastRecord")]
public sealed record ForecastRecord(
    [property: Id(0)] string Method,
    [property: Id(1)] long Seed,
    [property: Id(2)] int Paths,
    [property: Id(3)] int StartYear,
    [property: Id(4)] int StartMonth,
    [property: Id(5)] int HorizonMonths,
    [property: Id(6)] IReadOnlyList<OfficeForecastRecord> Offices,
    [property: Id(7)] OfficeForecastRecord National,
    [property: Id(8)] DateTimeOffset ComputedAt,
    [property: Id(9)] string Trigger,
    [property: Id(10)] long Version);

/// <summary>A change to the plan that makes the live forecast stale (a notification only; grain state is the truth).</summary>
[GenerateSerializer, Immutable, Alias("planering.PlanChanged")]
public sealed record PlanChanged([property: Id(0)] string Trigger, [property: Id(1)] string? OfficeId);

/// <summary>The live forecast was recomputed; watchers fetch it.</summary>
[GenerateSerializer, Immutable, Alias("planering.ForecastUpdated")]
public sealed record ForecastUpdated([property: Id(0)] long Version);
