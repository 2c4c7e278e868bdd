using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EventHr.Api.Tests.Support;

/// <summary>Signs tokens with the development key in src/Api/appsettings.json, as ./ops/token does.</summary>
public static class Tokens
{
    private const string Key = "eventhr-local-development-signing-key-change-me-in-production-0123456789";

    public static string For(string sub, string role, string? employeeId = null) => For(sub, [role], employeeId);

    public static string For(string sub, string[] roles, string? employeeId = null, string key = Key, string? department = null)
    {
        var claims = new List<Claim> { new("sub", sub) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (employeeId is not null) claims.Add(new Claim("employeeId", employeeId));
        if (department is not null) claims.Add(new Claim("department", department));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = "eventhr-dev",
            Audience = "eventhr",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256)
        });
    }
}
