using System.Security.Claims;

namespace Planering.Web.Hosting;

/// <summary>
/// The signed-in user as the web app's cookie holds them: a name, the roles, and the bearer token the app sends to the
/// API on the user's behalf. The roles only decide what the pages offer; the API decides what is allowed.
/// </summary>
public static class WebClaims
{
    public const string Scheme = "planering-web";
    public const string NameType = "name";
    public const string RoleType = "role";
    public const string TokenType = "planering:token";

    public const string Viewer = "viewer";
    public const string Scheduler = "scheduler";
    public const string Planner = "planner";

    public static ClaimsPrincipal Principal(string name, IEnumerable<string> roles, string token, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, NameType, RoleType);
        identity.AddClaim(new Claim(NameType, name));
        identity.AddClaim(new Claim(TokenType, token));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(RoleType, role));
        }

        return new ClaimsPrincipal(identity);
    }

    public static string? Token(this ClaimsPrincipal user) => user.FindFirst(TokenType)?.Value;
}
