using System.Text;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Access;
using Roles = EventHr.Domain.Access.Roles;
using EventHr.Domain.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EventHr.Api.Development;

/// <param name="Role">one of hr, manager, employee, auditor, integration, admin</param>
/// <param name="Sub">the user id (default: "{role}-dev")</param>
/// <param name="Brands">brand scope (none: the whole group)</param>
/// <param name="Department">a department head's department</param>
/// <param name="EmployeeId">the employee the token is for</param>
public sealed record DevTokenRequest(string? Role, string? Sub, string[]? Brands, string? Department, string? EmployeeId);

public sealed record DevToken(string Token);

public sealed record DevTokenRoles(IReadOnlyList<string> Roles);

/// <summary>
/// The dashboard's "sign in as" in Development: mints a token like ./ops/token with the local signing key. Mapped only
/// when the environment is Development and the API signs its own tokens; in every other environment the route does not
/// exist (404), and it is not part of the contract.
/// </summary>
public static class DevTokens
{
    private static readonly string[] Known = [Roles.Hr, Roles.Manager, Roles.Employee, Roles.Auditor, Roles.Integration, Roles.Admin];

    public static void MapDevelopmentTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || app.Configuration["Auth:Authority"] is not null) return;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(app.Configuration["Auth:SigningKey"] ?? Auth.DevelopmentKey));
        var (issuer, audience) = (app.Configuration["Auth:Issuer"], app.Configuration["Auth:Audience"]);
        // As long as the API accepts (Auth:MaxTokenLifetime), as ./ops/token's default.
        var lifetime = app.Configuration.GetValue("Auth:MaxTokenLifetime", TimeSpan.FromHours(12));
        var group = app.MapGroup("/api/dev/tokens").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", () => Results.Ok(new DevTokenRoles(Known)));
        group.MapPost("", (DevTokenRequest body) =>
        {
            var errors = new FieldErrors();
            if (body.Role is null || !Known.Contains(body.Role)) errors.Add("role", $"must be one of {string.Join(", ", Known)}");
            var brands = (body.Brands ?? []).Select(b => b.Trim()).Where(b => b.Length > 0).ToArray();
            var scope = new Scope(new HashSet<string> { body.Role ?? "" }, brands.ToHashSet(), Blank(body.Department), Blank(body.EmployeeId));
            if (errors.IsEmpty && scope.Refusal is { } refusal) errors.Add("role", refusal);
            if (errors.IsEmpty && body.Role == Roles.Employee && scope.EmployeeId is null) errors.Add("employeeId", "an employee token names the employee");
            if (!errors.IsEmpty) return Problems.Invalid(errors);

            var claims = new Dictionary<string, object> { ["role"] = body.Role! };
            if (brands.Length > 0) claims["brand"] = brands;
            if (scope.Department is { } department) claims["department"] = department;
            if (scope.EmployeeId is { } employee) claims["employeeId"] = employee;
            // Real time, as ./ops/token: the settable clock dates business facts, not a token's lifetime.
            var now = DateTime.UtcNow;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Subject = new System.Security.Claims.ClaimsIdentity([new("sub", Blank(body.Sub) ?? $"{body.Role}-dev")]),
                Claims = claims, Issuer = issuer, Audience = audience, IssuedAt = now, NotBefore = now, Expires = now + lifetime,
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256)
            });
            return Results.Ok(new DevToken(token));
        });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
