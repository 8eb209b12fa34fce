using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Planering.Gateway.Hosting;

namespace Planering.Gateway.Security;

/// <summary>Registers JWT bearer authentication and the role policies of <see cref="ApiRoles"/>.</summary>
public static class SecuritySetup
{
    /// <summary>Tokens may be a little early or late: clocks of issuer and gateway differ.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static AuthOptions AddPlaneringAuth(this WebApplicationBuilder builder, ClusterMode mode)
    {
        var auth = OptionsCheck.Read<AuthOptions>(builder.Configuration, AuthOptions.Section, o => o.Problems(mode));
        builder.Services.AddSingleton(auth);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        if (!auth.Enabled)
        {
            // The methods still carry their policies; with auth off every policy admits everyone.
            builder.Services.AddAuthorization(options =>
            {
                foreach (var name in ApiRoles.Policies.Keys)
                {
                    options.AddPolicy(name, policy => policy.RequireAssertion(_ => true));
                }
            });
            return auth;
        }

        var key = string.IsNullOrEmpty(auth.Authority) ? SigningKeys.Resolve(auth, builder.Configuration) : null;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Claims keep their JWT names (sub, role), so the role claim is what the settings say it is.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidAudience = auth.Audience,
                NameClaimType = JwtRegisteredClaimNames.Sub,
                RoleClaimType = auth.RoleClaim,
                ClockSkew = ClockSkew,
            };
            if (key is not null)
            {
                jwt.TokenValidationParameters.ValidIssuer = auth.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(key);
                jwt.TokenValidationParameters.ValidateIssuerSigningKey = true;

                // Only the algorithm the key is for: a token cannot talk the gateway into another one.
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
            else
            {
                // Issuer and signing keys come from the authority's OpenID Connect metadata.
                var authority = new Uri(auth.Authority!);
                jwt.Authority = auth.Authority;
                jwt.Audience = auth.Audience;
                jwt.RequireHttpsMetadata = !IsLoopback(authority);
            }
        });

        // The same token comes with every call of a client: validate it once, remember it until it expires.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<TimeProvider>((jwt, clock) =>
        {
            var handler = jwt.TokenHandlers.Single();
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new ValidatedTokenCache(handler, clock));
        });
        builder.Services.AddAuthorization(options =>
        {
            foreach (var (name, roles) in ApiRoles.Policies)
            {
                options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
            }

            // A method someone adds without a policy is the planner's until someone decides otherwise.
            options.FallbackPolicy = options.GetPolicy(ApiRoles.PlanPolicy);
        });
        return auth;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
