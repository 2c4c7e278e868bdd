using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using Marten;

namespace EventHr.Api.Reports;

/// <summary>A department's staff within one brand, with that brand's business day today.</summary>
public sealed record BrandDepartment(string BrandId, DateOnly Today, IReadOnlyList<Employee> Members);

/// <summary>
/// Which department a report is about: its staff within the caller's scope (a department head's own department,
/// brand HR's brands), per brand, since one department name may be used by several brands.
/// </summary>
public static class DepartmentStaff
{
    public static async Task<IReadOnlyList<BrandDepartment>> InScopeAsync(IQuerySession session, string department, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = user.Scope();
        var members = (await session.Query<Employee>().Where(e => e.Department == department).ToListAsync(ct))
            .Where(e => scope.Sees(e.Person())).ToList();
        var zones = (await session.Query<Brand>().ToListAsync(ct)).ToDictionary(b => b.BrandId, b => b.TimeZone);
        return members.GroupBy(e => e.BrandId).OrderBy(g => g.Key)
            .Select(g => new BrandDepartment(g.Key, BusinessDates.Today(clock, zones.GetValueOrDefault(g.Key) ?? Brand.DefaultTimeZone), g.ToList()))
            .ToList();
    }

    /// <summary>
    /// The brand meant: the one named, or the only one with staff employed in the period asked; a name used by several
    /// brands needs <c>brand</c> (400), a department with no one in scope is unknown (404).
    /// </summary>
    public static (BrandDepartment? Chosen, IResult? Problem) Choose(IReadOnlyList<BrandDepartment> candidates, string department, string? brand,
        Func<BrandDepartment, bool> staffed)
    {
        var meant = candidates.Where(c => staffed(c) || c.BrandId == brand).ToList();
        if (brand is null && meant.Count > 1)
            return (null, Problems.Invalid(new FieldErrors().Add("brand",
                $"is required: department '{department}' exists in brands {string.Join(", ", meant.Select(c => c.BrandId))}")));
        var chosen = meant.FirstOrDefault(c => brand is null || c.BrandId == brand);
        return chosen is null
            ? (null, Problems.NotFound($"no staff in department '{department}'{(brand is null ? "" : $" of brand '{brand}'")}"))
            : (chosen, null);
    }
}
