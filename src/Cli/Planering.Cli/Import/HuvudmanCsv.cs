using System.Globalization;
using Planering.Cli.Input;
using Planering.Contracts.V1;

namespace Planering.Cli.Import;

/// <summary>
/// Reads a huvudman register from CSV and checks every row's shape before anything is sent: the organisation number
/// (ten digits and its Luhn check digit), the name, the type, a four-digit kommunkod, both or neither of latitude and
/// longitude inside Sweden, pupils a whole number, and no organisation number twice. What only the server knows
/// (whether a kommunkod is one of the 290) is checked by <see cref="HuvudmanImport"/>.
/// </summary>
public static class HuvudmanCsv
{
    public static readonly string[] Required = ["organisation_number", "name", "type", "kommunkod"];
    public static readonly string[] Optional = ["latitude", "longitude", "pupils"];

    // The API's bounds for a position in Sweden and for a huvudman's size and name (HuvudmanProfile, GeoPosition):
    // repeated here so a file is refused whole before the first write rather than half-way through it.
    public const double MinLatitude = 55.0;
    public const double MaxLatitude = 69.1;
    public const double MinLongitude = 10.9;
    public const double MaxLongitude = 24.2;
    public const int MaxPupils = 1_000_000;
    public const int MaxNameLength = 200;

    public sealed record Result(List<HuvudmanRow> Rows, List<RowRejection> Rejections, int RowsRead, IReadOnlyList<string> IgnoredColumns);

    /// <summary>Checks every row of a table read with <see cref="Required"/> and <see cref="Optional"/> columns.</summary>
    public static Result Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var delimiter = table.Delimiter;
        var rows = new List<HuvudmanRow>();
        var rejections = new List<RowRejection>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var record in table.Records)
        {
            string Field(string name) => table.Field(record, name);

            var rawNumber = Field("organisation_number");
            var found = new List<RowRejection>();
            void Reject(string field, string description) => found.Add(new RowRejection(record.Line, rawNumber, field, description));

            if (table.ShapeProblem(record) is { } shape)
            {
                Reject("row", shape);
                rejections.AddRange(found);
                continue;
            }

            if (!OrganisationNumbers.TryNormalise(rawNumber, out var number, out var numberError))
            {
                Reject("organisation_number", numberError);
            }
            else if (seen.TryGetValue(number, out var firstRow))
            {
                Reject("organisation_number", $"already given on line {firstRow}");
            }
            else
            {
                seen[number] = record.Line;
            }

            var name = Field("name");
            if (name.Length == 0)
            {
                Reject("name", "must not be empty");
            }
            else if (name.Length > MaxNameLength)
            {
                Reject("name", $"must be at most {MaxNameLength} characters");
            }
            else if (name.Any(char.IsControl))
            {
                Reject("name", "must not contain control characters (a line break inside quotes?)");
            }

            if (!Values.TryHuvudmanType(Field("type"), out var type))
            {
                Reject("type", $"'{Field("type")}' is not one of kommun, enskild, region, stat (or MUNICIPAL, INDEPENDENT, REGION, STATE)");
            }

            var kommunkod = Field("kommunkod");
            if (kommunkod.Length != 4 || !kommunkod.All(char.IsAsciiDigit))
            {
                Reject("kommunkod", $"'{kommunkod}' is not four digits (SCB's kommun code, e.g. 0180; keep the leading zero)");
            }

            var position = Position(Field("latitude"), Field("longitude"), delimiter, Reject);

            var pupils = 0;
            var rawPupils = Field("pupils").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
            if (rawPupils.Length > 0 && (!int.TryParse(rawPupils, NumberStyles.None, CultureInfo.InvariantCulture, out pupils) || pupils > MaxPupils))
            {
                Reject("pupils", $"'{Field("pupils")}' is not a whole number from 0 to {MaxPupils}");
            }

            if (found.Count > 0)
            {
                rejections.AddRange(found);
                continue;
            }

            var request = new UpsertHuvudmanRequest
            {
                OrganisationNumber = number,
                Name = name,
                Type = type,
                Kommunkod = kommunkod,
                Pupils = pupils,
                Synthetic = false,
                Position = position,
            };
            rows.Add(new HuvudmanRow(record.Line, request, position is not null));
        }

        return new Result(rows, rejections, table.Records.Count, table.IgnoredColumns);
    }

    private static GeoPoint? Position(string latitude, string longitude, char delimiter, Action<string, string> reject)
    {
        if (latitude.Length == 0 && longitude.Length == 0)
        {
            return null;
        }

        if (latitude.Length == 0 || longitude.Length == 0)
        {
            reject(latitude.Length == 0 ? "latitude" : "longitude", "give both latitude and longitude, or neither");
            return null;
        }

        var lat = Degrees(latitude, delimiter);
        var lon = Degrees(longitude, delimiter);
        if (lat is not { } la || la is < MinLatitude or > MaxLatitude)
        {
            reject("latitude", $"'{latitude}' is not a latitude inside Sweden ({MinLatitude}–{MaxLatitude})");
        }

        if (lon is not { } lo || lo is < MinLongitude or > MaxLongitude)
        {
            reject("longitude", $"'{longitude}' is not a longitude inside Sweden ({MinLongitude}–{MaxLongitude})");
        }

        return lat is { } a && lon is { } b ? new GeoPoint { Latitude = a, Longitude = b } : null;
    }

    /// <summary>Decimal degrees with a point; with a comma too when the file is semicolon-separated, as Swedish spreadsheets write it.</summary>
    private static double? Degrees(string text, char delimiter)
    {
        var normalised = delimiter != ',' ? text.Replace(',', '.') : text;
        return double.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
    }
}
