using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Planering.Web.Api;
using Planering.Web.Components;
using Planering.Web.Map;

namespace Planering.Web.Hosting;

/// <summary>What a host hands the web app: its settings, where the API is, and (local sign-in) the key to sign with.</summary>
/// <param name="ApiAddress">Asked on every new circuit, so a co-hosting silo can answer with the port its API got.</param>
/// <param name="LocalTokens">Null when no local sign-in is possible (no key known).</param>
/// <param name="Loggers">The host's logging, so one process writes one log; null for the app's own.</param>
/// <remarks>With <paramref name="Loggers"/> the app is owned by another host: no console lifetime (Ctrl-C) of its own.</remarks>
public sealed record WebHostSetup(WebOptions Options, Func<string> ApiAddress, LocalTokenIssuer? LocalTokens, ILoggerFactory? Loggers = null);

/// <summary>
/// Builds the Blazor web app (interactive server rendering) on a Kestrel of its own. Used by Program.cs (its own
/// process) and by the silo (co-hosted beside the API). The app reaches the planning system only through the gRPC API
/// with the signed-in user's token.
/// </summary>
public static class WebAppHost
{
    /// <summary>Where the sign-in page lives; everything else needs a signed-in user.</summary>
    public const string SignInPath = "/logga-in";

    /// <summary>Where the local sign-in form posts (not the page's own path: the page answers POSTs of its own).</summary>
    public const string LocalSignInPath = "/logga-in/lokal";

    public const string SignOutPath = "/logga-ut";

    public const string CulturePath = "/sprak";

    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static WebApplication Build(WebHostSetup setup, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var options = setup.Options;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(WebAppHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (setup.Loggers is not null)
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(setup.Loggers);
            builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        }

        configure?.Invoke(builder);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", setup.Loggers is null ? LogLevel.Information : LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.AddServerHeader = false;
        });

        // Static web assets (blazor.web.js) from the build's manifest, also when another project is the entry point.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddSingleton(setup);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => MapGeometry.Shared);
        builder.Services.AddScoped<ApiSession>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntiforgery();

        var auth = builder.Services.AddAuthentication(o =>
        {
            // Not signed in → the sign-in page, with either way of signing in; it starts OpenID Connect by its link.
            o.DefaultScheme = WebClaims.Scheme;
            o.DefaultChallengeScheme = WebClaims.Scheme;
        });
        auth.AddCookie(WebClaims.Scheme, cookie =>
        {
            cookie.Cookie.Name = "planering-web";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = SignInPath;

            // The token inside expires after SessionHours; the cookie must not outlive it.
            cookie.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
            cookie.SlidingExpiration = false;
        });
        if (options.Oidc.Enabled)
        {
            auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc => ConfigureOidc(oidc, options.Oidc));
        }

        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseRequestLocalization(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture(Swedish);
            localization.SupportedCultures = [Swedish, English];
            localization.SupportedUICultures = [Swedish, English];

            // Only the user's explicit choice (the cookie), never the browser's languages: Swedish first for everyone.
            localization.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        MapSignIn(app, setup);
        app.MapGet(CulturePath, (HttpContext http, string culture, string? returnUrl) =>
        {
            var chosen = culture == English.Name ? English : Swedish;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl(returnUrl));
        }).AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The local sign-in is offered only on loopback, with a key, and without an identity provider.</summary>
    public static bool LocalSignInAllowed(WebHostSetup setup) =>
        setup.LocalTokens is not null && setup.Options.BindsLoopback && !setup.Options.Oidc.Enabled;

    private static void MapSignIn(WebApplication app, WebHostSetup setup)
    {
        app.MapPost(LocalSignInPath, async (HttpContext http, IAntiforgery antiforgery, TimeProvider clock) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync();
            var returnUrl = LocalUrl(form["returnUrl"]);

            // Checked per request too: a proxy in front of a loopback listener would otherwise open it to the network.
            var local = http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
            if (!LocalSignInAllowed(setup) || !local)
            {
                return Results.Redirect($"{SignInPath}?fel=ej-lokal");
            }

            var name = form["name"].ToString().Trim();
            var roles = form["role"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).ToList();
            if (name.Length is 0 or > 200 || roles.Count == 0 || roles.Any(r => !LocalTokenIssuer.Roles.Contains(r)))
            {
                return Results.Redirect($"{SignInPath}?fel=uppgifter&returnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            var lifetime = TimeSpan.FromHours(setup.Options.SessionHours);
            var token = setup.LocalTokens!.Mint(name, roles, lifetime, clock.GetUtcNow());
            var principal = WebClaims.Principal(name, roles, token, "local");
            await http.SignInAsync(WebClaims.Scheme, principal, new AuthenticationProperties { IsPersistent = false, ExpiresUtc = clock.GetUtcNow() + lifetime });
            return Results.LocalRedirect(returnUrl);
        }).AllowAnonymous();

        app.MapPost(SignOutPath, async (HttpContext http, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await http.SignOutAsync(WebClaims.Scheme);
            return Results.LocalRedirect(SignInPath);
        }).AllowAnonymous();

        if (setup.Options.Oidc.Enabled)
        {
            app.MapGet("/logga-in/oidc", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        }
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, OidcOptions settings)
    {
        oidc.SignInScheme = WebClaims.Scheme;
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;

        // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax, and Secure
        // whenever the app itself is reached over https (a form_post back would need SameSite=None, hence https only).
        oidc.ResponseMode = "query";
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        // As the API's JWT setup: metadata over https, except from an identity provider on this machine.
        var authority = new Uri(settings.Authority!);
        oidc.RequireHttpsMetadata = !(authority.IsLoopback || (IPAddress.TryParse(authority.Host, out var host) && IPAddress.IsLoopback(host)));
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        oidc.Scope.Add("profile");
        if (!string.IsNullOrWhiteSpace(settings.ApiScope))
        {
            oidc.Scope.Add(settings.ApiScope);
        }

        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        oidc.Events.OnTokenValidated = context =>
        {
            // The app's own principal: the provider's name and roles, and the access token the API will check.
            var token = context.TokenEndpointResponse?.AccessToken;
            if (context.Principal is null || string.IsNullOrEmpty(token))
            {
                context.Fail("the identity provider returned no access token for the API");
                return Task.CompletedTask;
            }

            var user = context.Principal;
            var name = user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value ?? user.FindFirst("sub")?.Value ?? "?";
            var roles = user.FindAll(settings.RoleClaim).Select(c => c.Value).Where(LocalTokenIssuer.Roles.Contains);
            context.Principal = WebClaims.Principal(name, roles, token, "oidc");
            return Task.CompletedTask;
        };
    }

    private static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    /// <summary>Started and stopped by the host that owns the app: nothing to wait for, no Ctrl-C of its own.</summary>
    private sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The user's token expired or is missing: shown as signed out.</summary>
    public static bool SignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(user.Token());
}
