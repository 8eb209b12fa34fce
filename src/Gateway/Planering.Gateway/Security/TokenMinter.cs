using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Planering.Gateway.Hosting;

namespace Planering.Gateway.Security;

/// <summary>
/// Mints the tokens the API accepts when it checks them with a shared key: HS256 JWTs with subject, roles, issuer,
/// audience and a lifetime. <c>mint-token</c> and the tests use <see cref="MintLocal"/>, which reads the same settings
/// and the same key as the running host.
/// </summary>
public static class TokenMinter
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    /// <summary>A local token is a convenience for a person or a test, not a service credential: at most 30 days.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>A token for the host the configuration describes, signed with its key (created if it has none yet).</summary>
    /// <exception cref="ArgumentException">A role, the subject or the lifetime is not acceptable.</exception>
    /// <exception cref="OptionsValidationException">The settings name an authority, or a key that cannot be read.</exception>
    public static string MintLocal(IConfiguration configuration, string subject, IReadOnlyCollection<string> roles, TimeSpan lifetime, DateTimeOffset now)
    {
        var options = OptionsCheck.Read<AuthOptions>(configuration, AuthOptions.Section, o => o.Problems(ClusterMode.Localhost));
        if (!string.IsNullOrEmpty(options.Authority))
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions),
                [$"{AuthOptions.Section}:Authority is set: tokens come from that identity provider, not from mint-token"]);
        }

        return Mint(SigningKeys.Resolve(options, configuration), options.Issuer, options.Audience, subject, roles, lifetime, now, options.RoleClaim);
    }

    /// <exception cref="ArgumentException">A role, the subject or the lifetime is not acceptable.</exception>
    public static string Mint(
        byte[] key, string issuer, string audience, string subject, IReadOnlyCollection<string> roles, TimeSpan lifetime, DateTimeOffset now, string roleClaim = "role")
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(roles);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 200)
        {
            throw new ArgumentException("the subject must be 1–200 characters", nameof(subject));
        }

        if (roles.Count == 0 || roles.Any(r => !ApiRoles.All.Contains(r)))
        {
            throw new ArgumentException($"give one or more roles of {string.Join(", ", ApiRoles.All)}", nameof(roles));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentException($"the lifetime must be more than 0 and at most {MaxLifetime.TotalHours:F0} hours", nameof(lifetime));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [roleClaim] = roles.Distinct(StringComparer.Ordinal).ToArray(),
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
