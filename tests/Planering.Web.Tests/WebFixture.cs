using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Security;
using Planering.Silo;
using Planering.Silo.Web;

namespace Planering.Web.Tests;

/// <summary>
/// The embedded default as a user runs it, on free ports: one silo with the Swedish world seeded into a real SQLite
/// file, the gRPC API and the co-hosted web app; and one headless Chromium (Debian's package, never downloaded) that
/// the tests open pages in. Every test signs in through the web app's own sign-in page with the roles it needs.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; <c>.ci/run</c> installs the <c>chromium</c> package when it is missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-web-{Guid.NewGuid():N}");
    private WebApplication? _host;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The web app, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string WebAddress { get; private set; } = null!;

    public string ApiAddress { get; private set; } = null!;

    /// <summary>A channel to the API with every role, for arranging and checking what the browser did.</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    public RegistryService.RegistryServiceClient Registry => new(Channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(Channel);

    public PlanningService.PlanningServiceClient Planning => new(Channel);

    /// <summary>Where screenshots go: TestResults/web-screenshots at the repository root (kept as CI output).</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    private string[] Settings =>
    [
        $"--Planering:Storage:SqlitePath={Path.Combine(_directory, "planering.db")}",
        "--Planering:Dashboard:Port=0",
        "--Planering:RateLimit:PermitsPerSecond=0",
    ];

    public async Task InitializeAsync()
    {
        _host = PlaneringHost.Build([
            .. Settings,
            "--Planering:Api:Port=0",
            $"--Planering:Web:Port={FreePort()}",
            $"--Planering:Cluster:SiloPort={FreePort()}",
            $"--Planering:Cluster:GatewayPort={FreePort()}",
        ]);
        await _host.StartAsync();
        ApiAddress = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        WebAddress = _host.Services.WebAddress() ?? throw new InvalidOperationException("the web app did not start");
        var token = TokenMinter.MintLocal(new ConfigurationBuilder().AddCommandLine(Settings).Build(), "web-tests", [.. ApiRoles.All], TimeSpan.FromHours(8), DateTimeOffset.UtcNow);
        Channel = BearerChannel.ForAddress(ApiAddress, token);

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
        }

        _playwright?.Dispose();
        Channel?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
