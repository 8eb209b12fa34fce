using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Planering.Web.Hosting;

/// <summary>
/// The local sign-in's tokens: HS256 JWTs for the chosen roles, signed with the key the API checks (the silo's data
/// directory key when co-hosted, or the configured key file), so the API sees the same kind of token <c>mint-token</c>
/// prints and applies the same roles. Only ever used while the web app listens on loopback (see <see cref="WebAppHost"/>).
/// </summary>
public sealed class LocalTokenIssuer(byte[] key, string issuer, string audience, string roleClaim)
{
    /// <summary>The roles the API knows (Planering.Gateway.Security.ApiRoles); the sign-in page offers these.</summary>
    public static readonly IReadOnlyList<string> Roles = ["viewer", "scheduler", "planner"];

    public string Mint(string subject, IReadOnlyCollection<string> roles, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 200)
        {
            throw new ArgumentException("the name must be 1–200 characters", nameof(subject));
        }

        if (roles.Count == 0 || roles.Any(r => !Roles.Contains(r)))
        {
            throw new ArgumentException($"choose one or more roles of {string.Join(", ", Roles)}", nameof(roles));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
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
        });
    }

    /// <summary>
    /// The key as the API reads it from <c>Planering:Auth:SigningKey</c> (base64) or <c>Planering:Auth:SigningKeyFile</c>;
    /// null when neither is set (then only OpenID Connect or the co-hosting silo can sign anyone in).
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting names a key that is missing or not base64 of 32 bytes or more.</exception>
    public static LocalTokenIssuer? FromConfiguration(IConfiguration configuration)
    {
        var text = configuration["Planering:Auth:SigningKey"];
        var file = configuration["Planering:Auth:SigningKeyFile"];
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(file))
        {
            text = File.Exists(file) ? File.ReadAllText(file) : throw new InvalidOperationException($"Planering:Auth:SigningKeyFile '{file}' does not exist");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var length) || length < 32)
        {
            throw new InvalidOperationException("Planering:Auth:SigningKey(File) must hold base64 of at least 32 bytes");
        }

        return new LocalTokenIssuer(
            buffer[..length],
            configuration["Planering:Auth:Issuer"] ?? "planering",
            configuration["Planering:Auth:Audience"] ?? "planering",
            configuration["Planering:Auth:RoleClaim"] ?? "role");
    }
}
