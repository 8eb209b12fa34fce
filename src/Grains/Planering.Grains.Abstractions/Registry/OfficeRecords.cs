namespace Planering.Grains.Registry;

/// <summary>What a caller sends to create or change a regional office's profile (staffing is set separately).</summary>
[GenerateSerializer, Immutable, Alias("planering.OfficeUpsert")]
public sealed record OfficeUpsert(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Kommunkod,
    [property: Id(2)] GeoPoint? Position,
    [property: Id(3)] DateOnly? Opened,
    [property: Id(4)] int? MaxNightsAwayPerAdvisorMonth = null);

/// <summary>A period an advisor is away, both days included.</summary>
[GenerateSerializer, Immutable, Alias("planering.AbsenceRecord")]
public sealed record AbsenceRecord(
    [property: Id(0)] DateOnly Start,
    [property: Id(1)] DateOnly End,
    [property: Id(2)] string Reason);

/// <summary>An advisor of an office.</summary>
[GenerateSerializer, Immutable, Alias("planering.AdvisorRecord")]
public sealed record AdvisorRecord(
    [property: Id(0)] string AdvisorId,
    [property: Id(1)] string Name,
    [property: Id(2)] double Fte,
    [property: Id(3)] IReadOnlyList<DayOfWeek> WorkingDays,
    [property: Id(4)] IReadOnlyList<AbsenceRecord> Absences);

/// <summary>A regional office as stored and returned.</summary>
[GenerateSerializer, Immutable, Alias("planering.OfficeRecord")]
public sealed record OfficeRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kommunkod,
    [property: Id(3)] string Lanskod,
    [property: Id(4)] GeoPoint Position,
    [property: Id(5)] DateOnly? Opened,
    [property: Id(6)] IReadOnlyList<AdvisorRecord> Advisors,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] int? MaxNightsAwayPerAdvisorMonth = null)
{
    public double TotalFte => Advisors.Sum(a => a.Fte);
}
