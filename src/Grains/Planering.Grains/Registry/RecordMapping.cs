using Planering.Domain.Registry;

namespace Planering.Grains.Registry;

/// <summary>Conversions between the domain's registry objects and the records that cross grain calls.</summary>
internal static class RecordMapping
{
    public static HuvudmanRecord ToRecord(this HuvudmanProfile profile, DateTimeOffset updatedAt) =>
        new(profile.OrganisationNumber.Value, profile.Name, profile.Type, profile.Kommunkod, profile.Lanskod,
            GeoPoint.From(profile.Position), profile.Pupils, profile.Synthetic, updatedAt,
            profile.OrganisationNumberSynthetic);

    /// <summary>A stored huvudman as the domain's profile (its number was checked when it was stored).</summary>
    public static HuvudmanProfile ToProfile(this HuvudmanRecord record)
    {
        if (!OrganisationNumber.TryParse(record.OrganisationNumber, out var number, out var error))
        {
            throw new InvalidOperationException($"stored huvudman {record.OrganisationNumber}: {error}");
        }

        return new HuvudmanProfile(number, record.Name, record.Type, record.Kommunkod, record.Lanskod, record.Position.ToDomain(), record.Pupils,
            record.Synthetic, record.OrganisationNumberSynthetic);
    }

    public static OfficeRecord ToRecord(this OfficeProfile profile, IReadOnlyList<AdvisorRecord> advisors, DateTimeOffset updatedAt) =>
        new(profile.OfficeId, profile.Name, profile.Kommunkod, profile.Lanskod, GeoPoint.From(profile.Position), profile.Opened, advisors, updatedAt);

    public static Advisor ToDomain(this AdvisorRecord advisor) =>
        new(advisor.AdvisorId, advisor.Name, advisor.Fte, Staffing.WorkingDaysOrDefault(advisor.WorkingDays),
            advisor.Absences.Select(a => new Absence(a.Start, a.End, a.Reason)).ToList());

    public static AdvisorRecord ToRecord(this Advisor advisor) =>
        new(advisor.AdvisorId.Trim(), advisor.Name.Trim(), advisor.Fte, advisor.WorkingDays.Order().ToList(),
            advisor.Absences.Select(a => new AbsenceRecord(a.Start, a.End, a.Reason ?? string.Empty)).ToList());
}
