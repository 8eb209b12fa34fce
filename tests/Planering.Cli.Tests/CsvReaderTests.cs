using Planering.Cli.Import;

namespace Planering.Cli.Tests;

public sealed class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_line_breaks_and_rows_keep_their_line()
    {
        var text = "a,b,c\r\n\"Åsa, \"\"Älvsbyn\"\"\",2,\"två\nrader\"\n\nx,,\"\"\n";

        var records = CsvReader.Parse(text, ',');

        Assert.Equal(3, records.Count);
        Assert.Equal(["Åsa, \"Älvsbyn\"", "2", "två\nrader"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(5, records[2].Line);
        Assert.Equal(["x", "", ""], records[2].Fields);
    }

    [Fact]
    public void A_semicolon_header_is_detected_and_a_byte_order_mark_dropped()
    {
        var text = CsvReader.ReadUtf8([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("organisation_number;name\n1;Ö\n")]);

        Assert.Equal(';', CsvReader.DetectDelimiter(text));
        Assert.Equal(["organisation_number", "name"], CsvReader.Parse(text, ';')[0].Fields);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opened_on()
    {
        var error = Assert.Throws<FormatException>(() => CsvReader.Parse("a,b\n1,\"open\n2,3\n", ','));

        Assert.StartsWith("line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_text_is_refused_rather_than_mangled()
    {
        Assert.Throws<System.Text.DecoderFallbackException>(() => CsvReader.ReadUtf8([(byte)'n', 0xE5, (byte)'\n']));
    }
}
