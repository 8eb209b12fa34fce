using Planering.Gateway.Hosting;

namespace Planering.Gateway.Security;

/// <summary>
/// Who may call the API (section <c>Planering:Auth</c>): JWT bearer tokens carrying the roles of <see cref="ApiRoles"/>.
/// The embedded default signs and checks its own tokens with a key it creates in the data directory; a production
/// operator names the key (<see cref="SigningKey"/> or <see cref="SigningKeyFile"/>) or an OpenID Connect
/// <see cref="Authority"/> instead.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Planering:Auth";

    /// <summary>The key file's name in the data directory when neither a key nor a key file is configured.</summary>
    public const string DefaultKeyFileName = "jwt-signing.key";

    /// <summary>HMAC-SHA256 needs a key of at least 256 bits.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>Require a token on every method but health and reflection (env <c>Planering__Auth__Enabled</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>iss</c> a token must carry, and that <c>mint-token</c> writes (env <c>Planering__Auth__Issuer</c>).</summary>
    public string Issuer { get; set; } = "planering";

    /// <summary>The <c>aud</c> a token must carry, and that <c>mint-token</c> writes (env <c>Planering__Auth__Audience</c>).</summary>
    public string Audience { get; set; } = "planering";

    /// <summary>The HMAC-SHA256 signing key, base64, at least 32 bytes (env <c>Planering__Auth__SigningKey</c>).</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding the signing key as base64; it must exist (env <c>Planering__Auth__SigningKeyFile</c>).</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>
    /// An OpenID Connect authority whose published keys sign the tokens, instead of a shared key
    /// (env <c>Planering__Auth__Authority</c>); its metadata must be served over https unless it is on loopback.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The claim holding the roles (env <c>Planering__Auth__RoleClaim</c>); identity providers often use <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Where the key comes from when nothing names it: the embedded default's own key file.</summary>
    public bool UsesDefaultKeyFile => string.IsNullOrEmpty(SigningKey) && string.IsNullOrEmpty(SigningKeyFile) && string.IsNullOrEmpty(Authority);

    public IEnumerable<string> Problems(ClusterMode mode)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Issuer) && string.IsNullOrEmpty(Authority))
        {
            yield return $"{Section}:Issuer must not be empty";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{Section}:Audience must not be empty";
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            yield return $"{Section}:RoleClaim must not be empty";
        }

        var sources = new[] { SigningKey, SigningKeyFile, Authority }.Count(s => !string.IsNullOrEmpty(s));
        if (sources > 1)
        {
            yield return $"{Section}: give one of SigningKey, SigningKeyFile and Authority";
        }

        if (!string.IsNullOrEmpty(SigningKey) && SigningKeys.Decode(SigningKey) is null)
        {
            yield return $"{Section}:SigningKey must be base64 of at least {MinKeyBytes} random bytes";
        }

        if (!string.IsNullOrEmpty(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return $"{Section}:Authority '{Authority}' is not an absolute URL";
        }

        // A key of its own per process would make a token good at one silo and refused at the next.
        if (mode == ClusterMode.AdoNet && UsesDefaultKeyFile)
        {
            yield return $"{Section}: cluster mode (AdoNet) needs SigningKey, SigningKeyFile or Authority, the same for every silo and gateway";
        }
    }
}
