using System.Text;
using Microsoft.Playwright;

namespace Planering.Web.Tests;

[Collection(SharedWeb.Name)]
public sealed class ExportPageTests(WebFixture web)
{
    [Fact]
    public async Task The_plan_the_forecast_and_the_dialogues_download_as_xlsx_and_swedish_csv()
    {
        var page = await web.SignedInPageAsync("Export Testsson", "viewer");
        await page.GotoAsync("/export");

        var csv = await DownloadTextAsync(page, "Planen som .csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Kontor;Kontorets id;Huvudmän;", lines[0], StringComparison.Ordinal);
        var offices = (await web.Registry.ListOfficesAsync(new())).Offices;
        Assert.Equal(offices.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Göteborg;goteborg;", StringComparison.Ordinal));

        var xlsx = await DownloadAsync(page, "Prognosen som .xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        var forecast = await DownloadTextAsync(page, "Prognosen som .csv");
        Assert.Contains("Hela Sverige;", forecast, StringComparison.Ordinal);

        var dialogues = await DownloadTextAsync(page, "Dialogerna som .csv");
        Assert.StartsWith("Dialog;Datum;", dialogues, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("export-done")).ToContainTextAsync("rader");
        await WebFixture.ScreenshotAsync(page, "export");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    private static async Task<string> DownloadTextAsync(IPage page, string button)
    {
        var bytes = await DownloadAsync(page, button);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }
}
