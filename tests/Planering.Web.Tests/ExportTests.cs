using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Planering.Contracts.V1;
using Planering.Web.Api;
using Planering.Web.Export;

namespace Planering.Web.Tests;

public sealed class ExportTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public void Swedish_csv_uses_semicolons_and_decimal_commas_and_quotes_what_needs_it()
    {
        var sheets = new Sheets([new Sheet("t", ["Namn", "Tal"], [["Malmö; stad", 1.5], ["\"Citat\"", 1170]])]);
        var text = Encoding.UTF8.GetString(sheets.ToCsv(Swedish)[3..]);
        Assert.Equal("Namn;Tal\r\n\"Malmö; stad\";1,5\r\n\"\"\"Citat\"\"\";1170\r\n", text);
        Assert.Equal("Namn,Tal\r\nMalmö; stad,1.5\r\n\"\"\"Citat\"\"\",1170\r\n", Encoding.UTF8.GetString(sheets.ToCsv(CultureInfo.GetCultureInfo("en-GB"))[3..]));
    }

    [Fact]
    public async Task Xlsx_is_a_workbook_with_one_sheet_per_table()
    {
        var bytes = await new Sheets([new Sheet("Plan: per/kontor", ["a"], [[1]]), new Sheet("Huvudmän", ["b"], [["x"]])]).ToXlsxAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.Contains(zip.Entries, e => e.FullName == "xl/worksheets/sheet2.xml");
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var workbook = await reader.ReadToEndAsync();
        Assert.Contains("Plan- per-kontor", workbook, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ics_invitation_is_rfc5545_utc_escaped_and_folded_at_75_octets()
    {
        var dialogue = new Dialogue
        {
            DialogueId = "d-1",
            HuvudmanId = "2120000142",
            HuvudmanName = "Föreningen Byskolan, Åsele; med ett mycket långt namn som måste vikas på flera rader",
            Status = DialogueStatus.Booked,
            Slot = new Slot
            {
                OfficeId = "umea",
                Date = "2027-03-08",
                Start = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 3, 8, 9, 0, 0, TimeSpan.FromHours(1))),
                End = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 3, 8, 12, 0, 0, TimeSpan.FromHours(1))),
                Mode = DialogueMode.OnSite,
                PreparationDeadline = "2027-02-22",
            },
        };
        dialogue.Slot.AdvisorIds.Add("umea-1");
        var text = Encoding.UTF8.GetString(Ics.Invitation(dialogue, "Umeå", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));

        Assert.Contains("\r\nDTSTART:20270308T080000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20270308T110000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Byskolan\\, Åsele\\; med", text.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Permission_denied_reads_as_a_plain_swedish_sentence()
    {
        CultureInfo.CurrentUICulture = Swedish;
        var message = ApiErrors.Message(new RpcException(new Status(StatusCode.PermissionDenied, "the planner role is required")));
        Assert.StartsWith("Du har inte behörighet till det här.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("PermissionDenied", message, StringComparison.Ordinal);
    }
}
