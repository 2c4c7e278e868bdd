using System.Security.Claims;
using System.Text;
using EventHr.Domain.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// JWT bearer tokens: signed with a symmetric HS256 key (./ops/token signs with the local development
/// key), or issued by an external identity provider found by its OpenID metadata (<c>Auth:Authority</c>),
/// so that the API holds no signing secret. Every token names its user (<c>sub</c>) and lives at most
/// <c>Auth:MaxTokenLifetime</c> (12 h by default).
/// </summary>
public static class Auth
{
    /// <summary>The key committed in appsettings.json for development; any other environment refuses to start with it.</summary>
    public const string DevelopmentKey = "eventhr-local-development-signing-key-change-me-in-production-0123456789";
    private const int MinimumKeyBytes = 32;

    public static IServiceCollection AddEventHrAuth(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var authority = config["Auth:Authority"];
        var key = authority is null ? SigningKey(config["Auth:SigningKey"], environment) : null;
        var maxLifetime = config.GetValue("Auth:MaxTokenLifetime", TimeSpan.FromHours(12));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            // Tokens are minted in real time (./ops/token, an identity provider): their lifetime is judged by the
            // real clock, not by a clock a test or demo has set (EventHr:Clock:Start).
            o.TimeProvider = TimeProvider.System;
            // A refusal says only that the token was not accepted, not which check it failed.
            o.IncludeErrorDetails = false;
            if (authority is not null)
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = !environment.IsDevelopment();
            }
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = config["Auth:Issuer"],
                ValidAudience = config["Auth:Audience"],
                ValidateIssuer = config["Auth:Issuer"] is not null || authority is not null,
                IssuerSigningKey = key is null ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
                // Pinned: a token must not choose its own algorithm (HS512, "none").
                ValidAlgorithms = authority is null ? [SecurityAlgorithms.HmacSha256] : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromMinutes(1)
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (Refusal(context.SecurityToken, context.Principal, maxLifetime) is { } why) context.Fail(why);
                    return Task.CompletedTask;
                }
            };
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>Outside Development the API does not start on a key anyone can read in the repository, or one too short to be a secret.</summary>
    private static string SigningKey(string? key, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return key ?? DevelopmentKey;
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException("Auth:SigningKey is not set (Auth__SigningKey): outside Development the API needs its own signing key, or Auth:Authority.");
        if (key == DevelopmentKey)
            throw new InvalidOperationException("Auth:SigningKey is the development key committed in appsettings.json: outside Development set a secret of your own (Auth__SigningKey).");
        if (Encoding.UTF8.GetByteCount(key) < MinimumKeyBytes)
            throw new InvalidOperationException($"Auth:SigningKey is shorter than {MinimumKeyBytes} bytes: outside Development use a random secret of at least {MinimumKeyBytes} bytes.");
        return key;
    }

    /// <summary>Why an otherwise valid token is not accepted: no user named, or a lifetime past the maximum.</summary>
    public static string? Refusal(SecurityToken token, ClaimsPrincipal? principal, TimeSpan maxLifetime)
    {
        if (string.IsNullOrWhiteSpace(principal?.FindFirstValue("sub"))) return "the token names no user (sub)";
        if (principal.Scope().Refusal is { } scope) return scope;
        var issued = token is JsonWebToken jwt && jwt.TryGetPayloadValue<long>("iat", out var iat)
            ? DateTimeOffset.FromUnixTimeSeconds(iat).UtcDateTime : token.ValidFrom;
        if (issued == DateTime.MinValue || token.ValidTo - issued > maxLifetime + TimeSpan.FromMinutes(1))
            return $"the token lives longer than {maxLifetime}";
        return null;
    }

    /// <summary>
    /// The acting user of a request. With several roles the one recorded is the most specific that the
    /// endpoint allows, so the audit trail says in what capacity someone acted.
    /// </summary>
    public static Actor ActorFor(this ClaimsPrincipal user, params string[] preferredRoles)
    {
        var sub = user.FindFirstValue("sub") ?? throw new InvalidOperationException("an authenticated user always has a sub");
        var role = preferredRoles.FirstOrDefault(user.IsInRole)
                   ?? user.FindAll("role").Select(c => c.Value).FirstOrDefault() ?? "none";
        return new Actor(sub, role);
    }

    public static string? EmployeeIdClaim(this ClaimsPrincipal user) => user.FindFirstValue("employeeId");
}
