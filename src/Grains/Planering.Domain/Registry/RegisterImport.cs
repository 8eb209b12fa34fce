using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.World;

namespace Planering.Domain.Registry;

/// <summary>One row of a register to import, as the API received it (not yet checked).</summary>
public sealed record RegisterRow(
    string OrganisationNumber, string? Name, HuvudmanType Type, string? Kommunkod, GeoPosition? Position, int Pupils, bool Synthetic,
    bool OrganisationNumberSynthetic);

/// <summary>
/// The rules of a register import: every row checked by the same rules as a single registration
/// (<see cref="HuvudmanProfile.Create"/>), no organisation number twice, every problem named by its row; and how a
/// checked row compares with the huvudman already stored.
/// </summary>
public static class RegisterImport
{
    /// <summary>How close two positions must be to count as the same place (about a centimetre).</summary>
    public const double SamePlaceDegrees = 1e-7;

    /// <summary>
    /// How many field violations an answer names at most. They travel in the response's trailers, which clients cap
    /// (grpc-dotnet at 64 KiB); the rest are counted in one last violation.
    /// </summary>
    public const int MaxReportedViolations = 200;

    /// <summary>Checks every row; throws InvalidArgument naming <c>rows[i].field</c> for each problem (i counts from 0 over the whole import).</summary>
    public static IReadOnlyList<HuvudmanProfile> Check(IReadOnlyList<RegisterRow> rows, SwedishGeography geography)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var profiles = new List<HuvudmanProfile>(rows.Count);
        var violations = new List<FieldViolation>();
        var badRows = 0;
        var firstRow = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var before = violations.Count;
            try
            {
                var profile = HuvudmanProfile.Create(
                    row.OrganisationNumber, row.Name, row.Type, row.Kommunkod, row.Position, row.Pupils, row.Synthetic, geography, row.OrganisationNumberSynthetic);

                // The number becomes a grain key as it is sent, so only the canonical form is taken (as UpsertHuvudman takes it).
                if (profile.OrganisationNumber.Value != row.OrganisationNumber)
                {
                    violations.Add(new FieldViolation($"rows[{i}].organisation_number", "must be exactly 10 digits, no separator"));
                }

                profiles.Add(profile);
            }
            catch (PlaneringException invalid) when (invalid.Code == ErrorCode.InvalidArgument)
            {
                violations.AddRange(invalid.Violations.Select(v => new FieldViolation($"rows[{i}].{v.Field}", v.Description)));
            }

            if (!firstRow.TryAdd(row.OrganisationNumber, i))
            {
                violations.Add(new FieldViolation($"rows[{i}].organisation_number", $"is already given in rows[{firstRow[row.OrganisationNumber]}]"));
            }

            badRows += violations.Count > before ? 1 : 0;
        }

        if (violations.Count == 0)
        {
            return profiles;
        }

        var reported = violations.Take(MaxReportedViolations).ToList();
        if (violations.Count > reported.Count)
        {
            reported.Add(new FieldViolation("rows", $"and {violations.Count - reported.Count} more problems not listed ({badRows} rows have problems in all)"));
        }

        var message = $"{badRows} of {rows.Count} rows cannot be imported; nothing was written. First: {reported[0].Field}: {reported[0].Description}";
        throw new PlaneringException(ErrorCode.InvalidArgument, message, "IMPORT_ROWS_INVALID", reported);
    }

    /// <summary>
    /// What a checked row does to the stored huvudman, and the profile to store. A row without a position keeps the
    /// position a huvudman already has in the same kommun, so a register without coordinates moves no one the server
    /// had placed more precisely.
    /// </summary>
    public static (ImportChange Change, HuvudmanProfile Profile) Merge(HuvudmanProfile? current, HuvudmanProfile incoming, bool incomingHasPosition)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (current is null)
        {
            return (ImportChange.New, incoming);
        }

        var sameKommun = current.Kommunkod == incoming.Kommunkod;
        var merged = !incomingHasPosition && sameKommun ? incoming with { Position = current.Position } : incoming;
        var samePlace = Math.Abs(current.Position.Latitude - merged.Position.Latitude) < SamePlaceDegrees
            && Math.Abs(current.Position.Longitude - merged.Position.Longitude) < SamePlaceDegrees;
        var same = samePlace && sameKommun && current.Name == merged.Name && current.Type == merged.Type && current.Pupils == merged.Pupils
            && current.Synthetic == merged.Synthetic && current.OrganisationNumberSynthetic == merged.OrganisationNumberSynthetic;
        return (same ? ImportChange.Unchanged : ImportChange.Changed, merged);
    }
}
