using System.Text;
using Planering.Cli.Errors;

namespace Planering.Cli.Import;

/// <summary>
/// A CSV file with its header mapped to columns: the one way the import commands read a file. The header names are
/// matched without regard to case or surrounding space; a required column missing or a known column named twice is a
/// <see cref="FormatException"/> on line 1, and columns the import does not know are kept aside to be reported.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _column;

    private CsvTable(Dictionary<string, int> column, int columnCount, char delimiter, IReadOnlyList<CsvRecord> records, IReadOnlyList<string> ignored)
    {
        _column = column;
        ColumnCount = columnCount;
        Delimiter = delimiter;
        Records = records;
        IgnoredColumns = ignored;
    }

    public char Delimiter { get; }

    public int ColumnCount { get; }

    /// <summary>The data records, the header left out.</summary>
    public IReadOnlyList<CsvRecord> Records { get; }

    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Reads a file as UTF-8 and maps its header; every problem with the file itself is an <see cref="InputException"/> on FILE.</summary>
    public static async Task<CsvTable> ReadFileAsync(string path, IReadOnlyList<string> required, IReadOnlyList<string> optional, CancellationToken cancellationToken)
    {
        try
        {
            var text = CsvReader.ReadUtf8(await File.ReadAllBytesAsync(path, cancellationToken));
            var delimiter = CsvReader.DetectDelimiter(text);
            return Map(CsvReader.Parse(text, delimiter), delimiter, required, optional);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException("FILE", $"'{path}' does not exist");
        }
        catch (DecoderFallbackException)
        {
            throw new InputException("FILE", $"'{path}' is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)");
        }
        catch (FormatException malformed)
        {
            throw new InputException("FILE", malformed.Message);
        }
    }

    /// <summary>Maps the header of parsed records; a header without a required column is a <see cref="FormatException"/>.</summary>
    public static CsvTable Map(IReadOnlyList<CsvRecord> records, char delimiter, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new FormatException("the file is empty; the first line must name the columns: " + string.Join(", ", required.Concat(optional)));
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!column.TryAdd(header[i], i) && (required.Contains(header[i]) || optional.Contains(header[i])))
            {
                throw new FormatException($"line 1: the column '{header[i]}' is named twice");
            }
        }

        var missing = required.Where(r => !column.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"line 1: missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(", ", required)} (optional: {string.Join(", ", optional)})");
        }

        var ignored = header.Where(h => h.Length > 0 && !required.Contains(h) && !optional.Contains(h)).ToList();
        return new CsvTable(column, header.Count, delimiter, records.Skip(1).ToList(), ignored);
    }

    /// <summary>A record's value in a column, trimmed; empty when the column is absent or the record short.</summary>
    public string Field(CsvRecord record, string name)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _column.TryGetValue(name, out var at) && at < record.Fields.Count ? record.Fields[at].Trim() : string.Empty;
    }

    /// <summary>Why a record cannot be read as a row (a field count other than the header's), or null when it can.</summary>
    public string? ShapeProblem(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Fields.Count == ColumnCount
            ? null
            : $"has {record.Fields.Count} fields where the header has {ColumnCount} (is a value with a '{Delimiter}' missing its quotes?)";
    }
}
