using System.Security.Claims;
using System.Text;
using EventHr.Domain.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EventHr.Api.Infrastructure;

/// <summary>JWT bearer tokens signed with a symmetric key (./ops/token signs them with the local development key).</summary>
public static class Auth
{
    public static IServiceCollection AddEventHrAuth(this IServiceCollection services, IConfiguration config)
    {
        var key = config["Auth:SigningKey"] ?? throw new InvalidOperationException("Auth:SigningKey is not configured");
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = config["Auth:Issuer"],
                ValidAudience = config["Auth:Audience"],
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromMinutes(1)
            };
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// The acting user of a request. With several roles the one recorded is the most specific that the
    /// endpoint allows, so the audit trail says in what capacity someone acted.
    /// </summary>
    public static Actor ActorFor(this ClaimsPrincipal user, params string[] preferredRoles)
    {
        var sub = user.FindFirstValue("sub") ?? "anonymous";
        var role = preferredRoles.FirstOrDefault(user.IsInRole)
                   ?? user.FindAll("role").Select(c => c.Value).FirstOrDefault() ?? "none";
        return new Actor(sub, role);
    }

    public static string? EmployeeIdClaim(this ClaimsPrincipal user) => user.FindFirstValue("employeeId");
}
