using System.Globalization;
using Planering.Cli.Input;
using Planering.Contracts.V1;

namespace Planering.Cli.Import;

/// <summary>
/// Reads published school calendars (läsårstider) from CSV and checks every row's shape before anything is sent:
/// a four-digit kommunkod, a läsår such as 2026/27, a known lov or term, two dates YYYY-MM-DD in order, an optional
/// organisation number (an independent huvudman's own calendar) with its check digit, and no row twice. What only the
/// server knows (the 290 kommuner, the year each kind must begin in) is checked by the import call itself.
/// </summary>
public static class LovCsv
{
    public static readonly string[] Required = ["kommunkod", "school_year", "kind", "first_day", "last_day"];
    public static readonly string[] Optional = ["organisation_number"];

    /// <summary>The words a row's kind may be written in, Swedish (with or without å, ä, ö) or the API's.</summary>
    private static readonly Dictionary<string, SchoolCalendarPeriodKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sportlov"] = SchoolCalendarPeriodKind.Sportlov,
        ["påsklov"] = SchoolCalendarPeriodKind.Pasklov,
        ["pasklov"] = SchoolCalendarPeriodKind.Pasklov,
        ["sommarlov"] = SchoolCalendarPeriodKind.Sommarlov,
        ["höstlov"] = SchoolCalendarPeriodKind.Hostlov,
        ["hostlov"] = SchoolCalendarPeriodKind.Hostlov,
        ["jullov"] = SchoolCalendarPeriodKind.Jullov,
        ["hösttermin"] = SchoolCalendarPeriodKind.Hosttermin,
        ["hosttermin"] = SchoolCalendarPeriodKind.Hosttermin,
        ["vårtermin"] = SchoolCalendarPeriodKind.Vartermin,
        ["vartermin"] = SchoolCalendarPeriodKind.Vartermin,
    };

    /// <summary>A checked row and the line it starts on.</summary>
    public sealed record Row(int Line, SchoolCalendarRow Request);

    public sealed record Result(List<Row> Rows, List<RowRejection> Rejections, int RowsRead, IReadOnlyList<string> IgnoredColumns);

    /// <summary>Checks every row of a table read with <see cref="Required"/> and <see cref="Optional"/> columns.</summary>
    public static Result Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<Row>();
        var rejections = new List<RowRejection>();
        var seen = new Dictionary<(string, string, string, SchoolCalendarPeriodKind), int>();
        foreach (var record in table.Records)
        {
            string Field(string name) => table.Field(record, name);
            var kommunkod = Field("kommunkod");
            var found = new List<RowRejection>();
            void Reject(string field, string description) => found.Add(new RowRejection(record.Line, kommunkod, field, description));

            if (table.ShapeProblem(record) is { } shape)
            {
                Reject("row", shape);
                rejections.AddRange(found);
                continue;
            }

            if (kommunkod.Length != 4 || !kommunkod.All(char.IsAsciiDigit))
            {
                Reject("kommunkod", $"'{kommunkod}' is not four digits (SCB's kommun code, e.g. 1380; keep the leading zero)");
            }

            var schoolYear = Field("school_year");
            if (!TrySchoolYear(schoolYear, out var startYear))
            {
                Reject("school_year", $"'{schoolYear}' is not a läsår such as 2026/27");
            }

            if (!Kinds.TryGetValue(Field("kind"), out var kind))
            {
                Reject("kind", $"'{Field("kind")}' is not one of sportlov, påsklov, sommarlov, höstlov, jullov, hösttermin, vårtermin");
            }

            var first = Date(Field("first_day"), "first_day", Reject);
            var last = Date(Field("last_day"), "last_day", Reject);
            if (first is { } f && last is { } l && l < f)
            {
                Reject("last_day", $"{Field("last_day")} is before first_day {Field("first_day")}");
            }

            var organisationNumber = string.Empty;
            if (Field("organisation_number") is { Length: > 0 } rawNumber)
            {
                if (OrganisationNumbers.TryNormalise(rawNumber, out var number, out var numberError))
                {
                    organisationNumber = number;
                }
                else
                {
                    Reject("organisation_number", numberError);
                }
            }

            if (found.Count == 0)
            {
                var key = (organisationNumber.Length > 0 ? string.Empty : kommunkod, organisationNumber, schoolYear, kind);
                if (seen.TryGetValue(key, out var firstLine))
                {
                    Reject("kind", $"{Field("kind")} of {schoolYear} for this calendar is already given on line {firstLine}");
                }
                else
                {
                    seen[key] = record.Line;
                }
            }

            if (found.Count > 0)
            {
                rejections.AddRange(found);
                continue;
            }

            rows.Add(new Row(record.Line, new SchoolCalendarRow
            {
                Kommunkod = kommunkod,
                SchoolYear = string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:00}"),
                Kind = kind,
                FirstDay = first!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                LastDay = last!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                OrganisationNumber = organisationNumber,
            }));
        }

        return new Result(rows, rejections, table.Records.Count, table.IgnoredColumns);
    }

    /// <summary>"2026/27", "2026/2027" or "2026-27", the second year following the first (the server reads the same forms).</summary>
    private static bool TrySchoolYear(string text, out int startYear)
    {
        startYear = 0;
        var parts = text.Split('/', '-');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length is not (2 or 4)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || second != (parts[1].Length == 2 ? (first + 1) % 100 : first + 1))
        {
            return false;
        }

        startYear = first;
        return true;
    }

    private static DateOnly? Date(string text, string field, Action<string, string> reject)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        reject(field, $"'{text}' is not a date YYYY-MM-DD");
        return null;
    }
}
