using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

public sealed class ValidatedTokenCacheTests
{
    [Collection(SharedApi.Name)]
    public sealed class InTheHost(ApiFixture api)
    {
        [Fact]
        public void The_host_validates_bearer_tokens_through_the_cache()
        {
            var jwt = api.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
            Assert.IsType<ValidatedTokenCache>(Assert.Single(jwt.TokenHandlers));
        }
    }

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly CountingHandler _inner = new();

    private TokenValidationParameters Parameters => new()
    {
        ValidIssuer = "planering",
        ValidAudience = "planering",
        IssuerSigningKey = new SymmetricSecurityKey(_key),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,

        // The handler's own lifetime check on the test's clock.
        LifetimeValidator = (notBefore, expires, _, _) => notBefore <= _clock.GetUtcNow().UtcDateTime && _clock.GetUtcNow().UtcDateTime < expires,
    };

    private string Mint(TimeSpan lifetime, byte[]? key = null) =>
        TokenMinter.Mint(key ?? _key, "planering", "planering", "alice", ["viewer"], lifetime, _clock.GetUtcNow());

    [Fact]
    public async Task A_valid_token_is_checked_once_and_each_call_gets_its_own_identity()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Mint(TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.Equal("alice", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("viewer", second.ClaimsIdentity.FindFirst("role")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task A_token_is_checked_again_after_the_longest_memory_and_refused_once_it_expires()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Mint(TimeSpan.FromMinutes(8));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);

        _clock.Advance(ValidatedTokenCache.MaxRemembered + TimeSpan.FromSeconds(1));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, _inner.Validations);

        // Remembered again from minute 5 until its expiry at minute 8, not five minutes more.
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.False((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(3, _inner.Validations);
    }

    [Fact]
    public async Task A_refused_token_is_never_remembered()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var forged = Mint(TimeSpan.FromHours(1), RandomNumberGenerator.GetBytes(32));

        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    /// <summary>The real handler, counting how often it is asked.</summary>
    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _validations;

        public int Validations => _validations;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _validations);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
