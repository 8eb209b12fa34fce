using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Planering.Contracts.V1;
using Planering.Grains.Registry;
using DomainHuvudmanType = Planering.Domain.Registry.HuvudmanType;
using GeoPoint = Planering.Grains.Registry.GeoPoint;

namespace Planering.Gateway.Registry;

/// <summary>Conversions between the registry's protobuf messages and the grain records.</summary>
internal static class RegistryMapping
{
    public static Huvudman ToMessage(this HuvudmanRecord record, string? officeId, PlaceNames names)
    {
        var kommun = names.Kommun(record.Kommunkod);
        return new Huvudman
        {
            OrganisationNumber = record.OrganisationNumber,
            Name = record.Name,
            Type = (HuvudmanType)(int)record.Type,
            Kommunkod = record.Kommunkod,
            Kommun = kommun.Name,
            KommunPopulation = kommun.Population,
            Lanskod = record.Lanskod,
            Lan = names.LanName(record.Lanskod),
            Position = record.Position.ToMessage(),
            Pupils = record.Pupils,
            Synthetic = record.Synthetic,
            OrganisationNumberSynthetic = record.HasSyntheticOrganisationNumber,
            OfficeId = officeId ?? string.Empty,
            UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
        };
    }

    public static Office ToMessage(this OfficeRecord record, PlaceNames names)
    {
        var office = new Office
        {
            OfficeId = record.OfficeId,
            Name = record.Name,
            Kommunkod = record.Kommunkod,
            Kommun = names.Kommun(record.Kommunkod).Name,
            Lanskod = record.Lanskod,
            Lan = names.LanName(record.Lanskod),
            Position = record.Position.ToMessage(),
            Opened = record.Opened?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            TotalFte = record.TotalFte,
            UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
        };
        if (record.MaxNightsAwayPerAdvisorMonth is { } nights)
        {
            office.MaxNightsAwayPerAdvisorMonth = nights;
        }

        office.Advisors.AddRange(record.Advisors.Select(a =>
        {
            var advisor = new Contracts.V1.Advisor { AdvisorId = a.AdvisorId, Name = a.Name, Fte = a.Fte };
            advisor.WorkingDays.AddRange(a.WorkingDays.Select(ToWeekday));
            advisor.Absences.AddRange(a.Absences.Select(x => new Absence
            {
                StartDate = x.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndDate = x.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Reason = x.Reason,
            }));
            return advisor;
        }));
        return office;
    }

    public static Contracts.V1.GeoPoint ToMessage(this GeoPoint point) => new() { Latitude = point.Latitude, Longitude = point.Longitude };

    public static GeoPoint? ToRecord(this Contracts.V1.GeoPoint? point) => point is null ? null : new GeoPoint(point.Latitude, point.Longitude);

    public static DomainHuvudmanType ToDomain(this HuvudmanType type) => (DomainHuvudmanType)(int)type;

    public static DayOfWeek ToDayOfWeek(this Weekday weekday) => weekday == Weekday.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)weekday;

    private static Weekday ToWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? Weekday.Sunday : (Weekday)(int)day;
}
