using System.Globalization;
using System.Text;
using SpreadCheetah;

namespace Planering.Web.Export;

/// <summary>One table to export: a name (the worksheet's), headers, and rows of text or numbers.</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Tables as .xlsx (SpreadCheetah: one worksheet per table, numbers as numbers) or .csv (the first table). The .csv
/// follows the user's language so a spreadsheet opens it as it stands: Swedish uses semicolons and decimal commas (what
/// Excel expects in sv-SE), English commas and decimal points; both UTF-8 with a byte-order mark for å, ä and ö.
/// </summary>
public sealed record Sheets(IReadOnlyList<Sheet> Tables)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvType = "text/csv; charset=utf-8";

    public async Task<byte[]> ToXlsxAsync()
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            foreach (var table in Tables)
            {
                await spreadsheet.StartWorksheetAsync(WorksheetName(table.Name));
                await spreadsheet.AddRowAsync(table.Headers.Select(h => new Cell(h)).ToList());
                foreach (var row in table.Rows)
                {
                    await spreadsheet.AddRowAsync(row.Select(ToCell).ToList());
                }
            }

            await spreadsheet.FinishAsync();
        }

        return stream.ToArray();
    }

    public byte[] ToCsv(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var separator = culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';
        var text = new StringBuilder();
        var table = Tables[0];
        text.AppendJoin(separator, table.Headers.Select(h => Quote(h, separator))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(separator, row.Select(value => Quote(value switch
            {
                null => string.Empty,
                double d => d.ToString("0.###", culture),
                IFormattable f => f.ToString(null, culture),
                _ => value.ToString() ?? string.Empty,
            }, separator))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static Cell ToCell(object? value) => value switch
    {
        null => new Cell((string?)null),
        int i => new Cell(i),
        long l => new Cell((double)l),
        double d => new Cell(Math.Round(d, 3)),
        _ => new Cell(value.ToString()),
    };

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    // Excel's rules: at most 31 characters, none of : \ / ? * [ ].
    private static string WorksheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
