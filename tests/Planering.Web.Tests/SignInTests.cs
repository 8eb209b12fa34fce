using System.Net;
using Planering.Web.Hosting;
using Planering.TestSupport;

namespace Planering.Web.Tests;

/// <summary>The local sign-in exists only on loopback: a web app that listens on every interface must not offer it.</summary>
public sealed class SignInTests
{
    private static readonly LocalTokenIssuer Issuer = new(new byte[32], "planering", "planering", "role");

    [Fact]
    public async Task A_web_app_listening_on_every_interface_offers_no_local_sign_in_and_refuses_one()
    {
        var port = FreePort.Next();
        var setup = new WebHostSetup(new WebOptions { Address = "0.0.0.0", Port = port }, () => "http://127.0.0.1:1", Issuer);
        Assert.False(WebAppHost.LocalSignInAllowed(setup));
        await using var app = WebAppHost.Build(setup);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var page = WebUtility.HtmlDecode(await client.GetStringAsync("/logga-in"));
            Assert.Contains("Ingen inloggning är inställd", page, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"role\"", page, StringComparison.Ordinal);

            // Every page but the sign-in needs a signed-in user.
            var map = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, map.StatusCode);
            Assert.StartsWith("/logga-in", map.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public void Local_sign_in_is_allowed_on_loopback_with_a_key_and_never_beside_an_identity_provider()
    {
        Assert.True(WebAppHost.LocalSignInAllowed(new WebHostSetup(new WebOptions(), () => "", Issuer)));
        Assert.False(WebAppHost.LocalSignInAllowed(new WebHostSetup(new WebOptions(), () => "", null)));
        Assert.False(WebAppHost.LocalSignInAllowed(new WebHostSetup(new WebOptions { Address = "192.168.1.10" }, () => "", Issuer)));
        Assert.False(WebAppHost.LocalSignInAllowed(new WebHostSetup(new WebOptions { Oidc = new OidcOptions { Authority = "https://login.example.se", ClientId = "planering" } }, () => "", Issuer)));
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var problems = new WebOptions { Address = "localhost", Port = 70000, ApiAddress = "ftp://x", SessionHours = 0, Oidc = new OidcOptions { Authority = "https://idp" } }.Problems().ToList();
        Assert.Contains(problems, p => p.Contains("Planering:Web:Address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Planering:Web:Port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Planering:Web:ApiAddress", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Planering:Web:SessionHours", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Planering:Web:Oidc:ClientId", StringComparison.Ordinal));
    }
}
