using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Planering.Web.Tests;

/// <summary>
/// A small but real OpenID Connect provider on loopback for the production sign-in's test: discovery, a JWKS with an
/// RSA key, an authorize endpoint that signs in one configured person at once, and a token endpoint that checks the
/// code and its PKCE verifier and returns an ID token and an access token (RS256) for the API's audience.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, (string ClientId, string Nonce, string Challenge, string RedirectUri)> _codes = new();
    private WebApplication? _app;

    public string Authority { get; private set; } = string.Empty;

    /// <summary>Who the provider signs in, and the roles its tokens carry.</summary>
    public string Name { get; set; } = "Oidc Testsson";

    public IReadOnlyList<string> Roles { get; set; } = ["viewer"];

    public string ApiAudience { get; set; } = "planering";

    /// <summary>How many access tokens the token endpoint has issued.</summary>
    public int TokensIssued { get; private set; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var provider = new TestIdentityProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        provider._app = app;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = $"{provider.Authority}/authorize",
            ["token_endpoint"] = $"{provider.Authority}/token",
            ["jwks_uri"] = $"{provider.Authority}/jwks",
            ["response_types_supported"] = Code,
            ["subject_types_supported"] = Public,
            ["id_token_signing_alg_values_supported"] = Rs256,
            ["code_challenge_methods_supported"] = S256,
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = provider._key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = provider._key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpContext http) =>
        {
            var q = http.Request.Query;
            var code = Guid.NewGuid().ToString("N");
            provider._codes[code] = (q["client_id"].ToString(), q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString());
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (!provider._codes.TryRemove(form["code"].ToString(), out var grant)
                || Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge
                || form["redirect_uri"] != grant.RedirectUri)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            provider.TokensIssued++;
            return Results.Json(new
            {
                token_type = "Bearer",
                expires_in = 3600,
                id_token = provider.Token(grant.ClientId, new Dictionary<string, object> { ["nonce"] = grant.Nonce, ["name"] = provider.Name }),
                access_token = provider.Token(provider.ApiAudience, new Dictionary<string, object> { ["scope"] = "planering.api" }),
            });
        });
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return provider;
    }

    /// <summary>An access token for the API as the provider issues them, for arranging a test through the API.</summary>
    public string AccessToken(params string[] roles) => Token(ApiAudience, new Dictionary<string, object> { ["scope"] = "planering.api" }, roles);

    private string Token(string audience, Dictionary<string, object> claims, string[]? roles = null)
    {
        claims["sub"] = "oidc-test-subject";
        claims["role"] = roles ?? Roles.ToArray();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _key.Rsa.Dispose();
    }
}
