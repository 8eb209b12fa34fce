using System.Net;

namespace Planering.Web.Hosting;

/// <summary>
/// The web app's settings (section <c>Planering:Web</c>). Every one has an environment-variable form,
/// <c>Planering__Web__Port</c> and so on; README.md, "Webbappen", lists them with their reasons.
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Planering:Web";

    /// <summary>The address to bind; loopback by default, which is also what allows the local sign-in (env <c>Planering__Web__Address</c>).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// The HTTP port. Co-hosted by the silo, 0 turns the web app off (as the dashboard's port does); as its own process,
    /// 0 picks a free port (env <c>Planering__Web__Port</c>). 5081 sits next to the API's 5080.
    /// </summary>
    public int Port { get; set; } = 5081;

    /// <summary>
    /// The gRPC API the app calls, as its own process (env <c>Planering__Web__ApiAddress</c>); co-hosted, the silo's own
    /// API address is used and this is ignored.
    /// </summary>
    public string ApiAddress { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a local sign-in lasts, in hours: a working day, as the CLI's tokens (env <c>Planering__Web__SessionHours</c>).</summary>
    public double SessionHours { get; set; } = 8;

    /// <summary>OpenID Connect against the agency's identity provider; when its authority is set the local sign-in is off.</summary>
    public OidcOptions Oidc { get; set; } = new();

    public bool BindsLoopback => IPAddress.TryParse(Address, out var address) && IPAddress.IsLoopback(address);

    public IEnumerable<string> Problems()
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return $"{Section}:Address '{Address}' is not an IP address";
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"{Section}:Port {Port} is not a TCP port";
        }

        if (!Uri.TryCreate(ApiAddress, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttp && api.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Section}:ApiAddress '{ApiAddress}' is not an http or https URL";
        }

        if (SessionHours is <= 0 or > 24)
        {
            yield return $"{Section}:SessionHours must be more than 0 and at most 24";
        }

        foreach (var problem in Oidc.Problems())
        {
            yield return problem;
        }
    }
}

/// <summary>Section <c>Planering:Web:Oidc</c>: the identity provider that signs people in and issues the API's tokens.</summary>
public sealed class OidcOptions
{
    /// <summary>The provider's authority URL (env <c>Planering__Web__Oidc__Authority</c>); empty means no OpenID Connect.</summary>
    public string? Authority { get; set; }

    /// <summary>This app's client id at the provider (env <c>Planering__Web__Oidc__ClientId</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>This app's client secret (env <c>Planering__Web__Oidc__ClientSecret</c>; never in a file in the repository).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The scope that makes the provider issue an access token for the API (env <c>Planering__Web__Oidc__ApiScope</c>);
    /// the API checks its audience against <c>Planering:Auth:Audience</c>.
    /// </summary>
    public string? ApiScope { get; set; }

    /// <summary>The claim that holds the roles viewer, scheduler, planner (env <c>Planering__Web__Oidc__RoleClaim</c>), as the API's <c>Planering:Auth:RoleClaim</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return $"{WebOptions.Section}:Oidc:Authority '{Authority}' is not an absolute URL";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{WebOptions.Section}:Oidc:ClientId must be set with Oidc:Authority";
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            yield return $"{WebOptions.Section}:Oidc:RoleClaim must not be empty";
        }
    }
}
