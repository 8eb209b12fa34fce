using System.Text;

namespace Planering.Cli.Import;

/// <summary>One record of a CSV file and the line it starts on, which is what a person looks for in an editor.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small RFC 4180 reader: fields separated by a delimiter, double-quoted when they hold the delimiter, a quote or a
/// line break, a quote written as two. Written here rather than taken from a library because this is all the import
/// needs, and owning the ~100 lines lets it report the exact line of a malformed record, keep line numbers right
/// across quoted line breaks, and refuse text that is not UTF-8 instead of silently mangling å, ä and ö.
/// </summary>
public static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a file as UTF-8 (a byte-order mark is allowed and dropped); throws <see cref="DecoderFallbackException"/> for anything else.</summary>
    public static string ReadUtf8(byte[] bytes)
    {
        var text = StrictUtf8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>The delimiter the header line uses: a comma, a semicolon (as Swedish spreadsheets write CSV) or a tab.</summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    /// <summary>Every record, blank lines skipped. A quote left open or stray text after a closing quote is a <see cref="FormatException"/> naming the line.</summary>
    public static List<CsvRecord> Parse(string text, char delimiter)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
        }

        void EndRecord()
        {
            EndField();
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                var openedOn = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"line {openedOn}: a quoted field is never closed");
                    }

                    var q = text[i];
                    if (q == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (q == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        if (q == '\n' || (q == '\r' && !(i + 1 < text.Length && text[i + 1] == '\n')))
                        {
                            line++;
                        }

                        field.Append(q);
                        i++;
                    }
                }

                if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                {
                    throw new FormatException($"line {line}: text after a closing quote; a quote inside a quoted field is written as two (\"\")");
                }

                atFieldStart = false;
                continue;
            }

            atFieldStart = false;
            if (c == delimiter)
            {
                EndField();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (!atFieldStart || field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
    }
}
