using Grpc.Net.Client;
using Microsoft.Playwright;
using Planering.Contracts.V1;
using Planering.TestSupport;

namespace Planering.Web.Tests;

/// <summary>
/// The embedded default as a user runs it, on free ports: one silo with the Swedish world seeded into a real SQLite
/// file, the gRPC API and the co-hosted web app; and one headless Chromium (Debian's package, never downloaded) that
/// the tests open pages in. Every test signs in through the web app's own sign-in page with the roles it needs.
/// </summary>
public sealed class WebFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Debian's Chromium; <c>.ci/run</c> installs the <c>chromium</c> package when it is missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly PlaneringTestHost _host = new("web-tests", web: true);
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The web app, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string WebAddress { get; private set; } = null!;

    public string ApiAddress => _host.Address;

    /// <summary>A channel to the API with every role, for arranging and checking what the browser did.</summary>
    public GrpcChannel Channel => _host.Channel;

    public RegistryService.RegistryServiceClient Registry => _host.Registry;

    public SchedulingService.SchedulingServiceClient Scheduling => _host.Scheduling;

    public PlanningService.PlanningServiceClient Planning => _host.Planning;

    /// <summary>Where screenshots go: TestResults/web-screenshots at the repository root (kept as CI output).</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        await _host.StartAsync();
        WebAddress = _host.WebAddress ?? throw new InvalidOperationException("the web app did not start");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // --no-sandbox: CI runs as root. The rest keep the browser from calling home while it is tested.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context signed in through the sign-in page with exactly <paramref name="roles"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string name, params string[] roles)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = WebAddress, ViewportSize = new() { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("Namn").FillAsync(name);
        foreach (var role in new[] { "viewer", "scheduler", "planner" })
        {
            await page.Locator($"#role-{role}").SetCheckedAsync(roles.Contains(role));
        }

        // A click that lands while the page is still starting up can be lost: click again (at most three times) rather
        // than wait out Playwright's 30 s for a navigation that will never come.
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/logga-in", StringComparison.Ordinal), new() { Timeout = 15_000 });
                return page;
            }
            catch (TimeoutException) when (attempt < 3 && page.Url.Contains("/logga-in", StringComparison.Ordinal))
            {
            }
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Browser = null!;
        }

        _playwright?.Dispose();
        _playwright = null;
        await _host.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static string FindScreenshotDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Planering.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "web-screenshots");
    }
}

[CollectionDefinition(Name)]
public sealed class SharedWeb : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
