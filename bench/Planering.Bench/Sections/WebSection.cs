using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Planering.Bench.Hosting;

namespace Planering.Bench.Sections;

/// <summary>
/// The web app in a real browser (Debian's Chromium through Playwright) on the seeded world: how long the map page takes
/// from navigation to every kommun and office drawn, and how long a what-if takes from the click to the recoloured map.
/// Wall-clock times as a user sees them, with the browser, the web app, the API and the silo all on this machine.
/// </summary>
public static class WebSection
{
    public const string Title = "Web app: the map's first render and a what-if answered on the map (targets < 1 s each)";

    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    /// <summary>Kommuner to try an office in, in turn: north to south, each a fresh SimulateOpenOffice.</summary>
    private static readonly string[] Sites = ["2480", "2281", "0380", "1880", "0680", "1280", "2584", "0980"];

    public static async Task<string> RunAsync(bool quick, TextWriter log)
    {
        if (!File.Exists(ChromiumPath))
        {
            return $"Not measured: {ChromiumPath} is missing (`apt-get install chromium`).";
        }

        var loads = quick ? 5 : 20;
        var whatIfs = quick ? 4 : 16;
        await using var planering = await PlaneringInstance.StartAsync(seed: true, web: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = planering.WebAddress, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/logga-in", StringComparison.Ordinal));

        // The map: a full navigation each time (new circuit, the plan read from the API, 290 paths drawn).
        var map = new List<TimeSpan>();
        for (var i = 0; i <= loads; i++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/karta", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("[data-testid='karta'] path[data-kommun]").Nth(289).WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.Locator("[data-testid='karta'] g.marker").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            clock.Stop();
            if (i > 0)
            {
                map.Add(clock.Elapsed);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"web: map load {i}: {clock.Elapsed.TotalMilliseconds:F0} ms{(i == 0 ? " (warm-up)" : "")}"));
        }

        // The what-if: choose the kommun, press Pröva, wait until the map has redrawn with the scenario (its version changes).
        await page.GotoAsync("/vad-hander-om");
        var scenarioMap = page.Locator("[data-testid='scenario-karta']");
        await scenarioMap.Locator("path[data-kommun]").Nth(289).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var whatIf = new List<TimeSpan>();
        for (var i = 0; i <= whatIfs; i++)
        {
            var site = Sites[i % Sites.Length];
            await page.GetByLabel("Kommun", new() { Exact = true }).SelectOptionAsync(site);
            var version = await scenarioMap.GetAttributeAsync("data-version");
            var clock = Stopwatch.StartNew();
            await page.GetByRole(AriaRole.Button, new() { Name = "Pröva" }).ClickAsync();
            await page.WaitForFunctionAsync(
                "version => { const m = document.querySelector(\"[data-testid='scenario-karta']\"); return m && m.dataset.version !== version && document.querySelector(\"[data-testid='scenario-summary']\"); }",
                version);
            clock.Stop();
            if (i > 0)
            {
                whatIf.Add(clock.Elapsed);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"web: what-if {site}: {clock.Elapsed.TotalMilliseconds:F0} ms{(i == 0 ? " (warm-up)" : "")}"));
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"The embedded default on a fresh SQLite file, seeded (6 offices, 1,170 huvudmän); headless Chromium {await BrowserVersionAsync(browser)} on the same machine; one warm-up each, not counted.");
        text.AppendLine();
        text.AppendLine("| measured | runs | p50 | p90 | max | target |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        Row(text, "map page: navigation → 290 kommuner and the offices drawn", map);
        Row(text, "what-if: click *Pröva* → SimulateOpenOffice answered and the map recoloured", whatIf);
        text.AppendLine();
        text.AppendLine("The map's time includes a new Blazor circuit (its WebSocket), three API calls (ListOffices, GetPlan, two pages of");
        text.AppendLine("ListHuvudman) and about 200 KB of SVG paths; the what-if's includes the API's full re-solve of the plan with the new office.");
        return text.ToString();
    }

    private static async Task<string> BrowserVersionAsync(IBrowser browser) => await Task.FromResult(browser.Version);

    private static void Row(StringBuilder text, string name, List<TimeSpan> times)
    {
        var sorted = times.OrderBy(t => t).ToList();
        TimeSpan At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var p90 = At(0.9);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {sorted.Count} | {At(0.5).TotalMilliseconds:F0} ms | {p90.TotalMilliseconds:F0} ms | {sorted[^1].TotalMilliseconds:F0} ms | < 1 s: {(p90 < Target ? "met (p90)" : "missed (p90)")} |");
    }
}
