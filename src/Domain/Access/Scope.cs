namespace EventHr.Domain.Access;

/// <summary>The roles a token may carry (claim <c>role</c>).</summary>
public static class Roles
{
    public const string Hr = "hr";
    public const string Manager = "manager";
    public const string Employee = "employee";
    public const string Auditor = "auditor";
    public const string Integration = "integration";
    public const string Admin = "admin";
}

/// <summary>Whose records a check is about: the employee and where they work.</summary>
public sealed record Person(string EmployeeId, string BrandId, string Department);

/// <summary>
/// What a caller may see and do, from their token (API.md "Identity and scopes"): group HR (hr without
/// brand) and admin everything; brand HR and auditors their brands; a department head (manager with
/// brand and department) their department; an employee themself. Salary figures and the kind of a
/// protection are sensitive personal information (PIPL): only HR and auditors within scope, admin and
/// the employee themself see them — a department head learns that a protection exists, not what it is.
/// </summary>
public sealed record Scope(IReadOnlySet<string> Roles, IReadOnlySet<string> Brands, string? Department, string? EmployeeId)
{
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>
    /// A department head's token names the brand and the department it is for, a feed's the brands it feeds.
    /// A token whose every role needs a scope it does not name (a manager without brand and department, a feed
    /// without brands) is refused; another role on the same token (HR, admin) stands on its own.
    /// </summary>
    public string? Refusal => Roles.Any(r => Unusable(r) is null) ? null : Roles.Select(Unusable).FirstOrDefault(r => r is not null);

    private string? Unusable(string role) => role switch
    {
        Access.Roles.Manager when Brands.Count == 0 || string.IsNullOrWhiteSpace(Department) => "a manager token must name its brand and department",
        Access.Roles.Integration when Brands.Count == 0 => "an integration token must name the brands it feeds",
        _ => null
    };

    /// <summary>The person's profile, performance and cases.</summary>
    public bool Sees(Person p) => SeesSensitive(p) || Heads(p);

    /// <summary>Salary figures and protection kinds.</summary>
    public bool SeesSensitive(Person p) => Has(Access.Roles.Admin) || (Has(Access.Roles.Hr) || Has(Access.Roles.Auditor)) && InBrands(p.BrandId)
        || Self(p);

    /// <summary>Case work: notes, plans, trainings, and the manager's decisions on an improving period.</summary>
    public bool WorksOn(Person p) => ManagesStaffOf(p.BrandId) || Heads(p);

    /// <summary>HR's own acts: hires, staff records, remedies that change pay or post, terminations.</summary>
    public bool ManagesStaffOf(string brandId) => Has(Access.Roles.Admin) || Has(Access.Roles.Hr) && InBrands(brandId);

    /// <summary>Tallies for a brand's staff: its feeds, HR within its brands (recorded as HR).</summary>
    public bool FeedsFor(string brandId) => ManagesStaffOf(brandId) || Has(Access.Roles.Integration) && Brands.Contains(brandId);

    /// <summary>Evidence bundles and audit streams.</summary>
    public bool Audits(string brandId) => Has(Access.Roles.Admin) || (Has(Access.Roles.Hr) || Has(Access.Roles.Auditor)) && InBrands(brandId);

    public bool Self(Person p) => Has(Access.Roles.Employee) && EmployeeId == p.EmployeeId;

    /// <summary>Whether lists must be narrowed: everyone but admin and group-wide HR or auditors.</summary>
    public bool SeesAllBrands => Has(Access.Roles.Admin) || (Has(Access.Roles.Hr) || Has(Access.Roles.Auditor)) && Brands.Count == 0;

    private bool Heads(Person p) => Has(Access.Roles.Manager) && !string.IsNullOrWhiteSpace(Department) && Brands.Contains(p.BrandId) && p.Department == Department;

    private bool InBrands(string brandId) => Brands.Count == 0 || Brands.Contains(brandId);
}
