using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EventHr.Api.Tests.Support;

/// <summary>Signs tokens with the test hosts' own key (they run as Production, which refuses the development key).</summary>
public static class Tokens
{
    public const string Key = "eventhr-tests-signing-key-known-only-to-the-test-hosts-9876543210";

    /// <summary>The development key committed in src/Api/appsettings.json, which ./ops/token uses.</summary>
    public const string DevelopmentKey = "eventhr-local-development-signing-key-change-me-in-production-0123456789";

    public static string For(string sub, string role, string? employeeId = null) => For(sub, [role], employeeId);

    /// <summary>A department head's token: a manager of one department of one brand.</summary>
    public static string Manager(string sub, string brand, string department) => For(sub, ["manager"], brand: brand, department: department);

    public static string For(string? sub, string[] roles, string? employeeId = null, string key = Key, string? department = null,
        string algorithm = SecurityAlgorithms.HmacSha256, TimeSpan? lifetime = null, string? brand = null, IEnumerable<string>? brands = null)
    {
        var claims = new List<Claim>();
        if (sub is not null) claims.Add(new Claim("sub", sub));
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (employeeId is not null) claims.Add(new Claim("employeeId", employeeId));
        if (department is not null) claims.Add(new Claim("department", department));
        if (brand is not null) claims.Add(new Claim("brand", brand));
        claims.AddRange((brands ?? []).Select(b => new Claim("brand", b)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = "eventhr-dev",
            Audience = "eventhr",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm)
        });
    }
}
