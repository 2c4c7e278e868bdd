using EventHr.Projections.Standards;
using EventHr.Api.Rules;
using EventHr.Domain.Common;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Projections.Tallies;
using Marten;
using Npgsql;

namespace EventHr.Api.Reports;

/// <summary>What the group views read for a date range: every profile, the tallied days, the standards.</summary>
public sealed record GroupData(IReadOnlyList<Employee> Staff, IReadOnlyDictionary<string, List<DayFigures>> Days,
    IReadOnlyDictionary<(string Brand, string Post), Standard?> Standards)
{
    public Standard? StandardOf(string brand, string post) => Standards.GetValueOrDefault((brand, post));

    /// <param name="brands">the brands a brand-scoped reader may see; null for the whole group</param>
    public static async Task<GroupData> Load(IQuerySession session, TallyLedger ledger, DateOnly from, DateOnly to, CancellationToken ct,
        IReadOnlyCollection<string>? brands = null)
    {
        var staff = await StaffAsync(session, brands, ct);
        var byId = staff.ToDictionary(e => e.EmployeeId);
        var rows = await ledger.InForceAsync((NpgsqlConnection)session.Connection, staff.Select(e => e.EmployeeId).ToList(), from, to, ct);
        var days = rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => TallyWindow.Days(g, byId[g.Key]));
        // Every post each employee held, so days before a mid-month move are judged by their own post's standard.
        var standards = await StandardLookup.LoadAsync(session, staff.SelectMany(e => e.Posts.Select(p => (e.BrandId, p.PostId))), ct);
        return new GroupData(staff, days, standards);
    }

    /// <summary>
    /// What the group views add to the aggregates' sums: the staff periods the reader may see (headcount, turnover) and
    /// the standards of every post those people held (the versions in force). Brand HR and brand auditors see their
    /// own brands only.
    /// </summary>
    public static async Task<(IReadOnlyList<StaffPeriod> Staff, IReadOnlyCollection<string>? Brands, Func<string, string, Standard?> StandardOf)>
        ProfilesAsync(IQuerySession session, Projections.Staff.StaffPeriods periods, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = Infrastructure.Scopes.Scope(user);
        var brands = scope.SeesAllBrands ? null : scope.Brands;
        var staff = await periods.ReadAsync((NpgsqlConnection)session.Connection, brands, ct);
        var standards = await StandardLookup.LoadAsync(session, staff.SelectMany(e => e.Posts.Select(p => (e.BrandId, p.PostId))), ct);
        return (staff, brands, (b, p) => standards.GetValueOrDefault((b, p)));
    }

    /// <summary>A month given as yyyy-MM between 1990-01 and 2200-12, or null.</summary>
    public static DateOnly? Month(string? value) =>
        value is not null && DateTime.TryParseExact(value, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var m) && m.Year is >= 1990 and <= 2200
            ? DateOnly.FromDateTime(m) : null;

    /// <summary>Every profile (of the brands given, when given).</summary>
    public static async Task<IReadOnlyList<Employee>> StaffAsync(IQuerySession session, IReadOnlyCollection<string>? brands, CancellationToken ct)
    {
        var query = session.Query<Employee>().AsQueryable();
        if (brands is not null)
        {
            var only = brands.ToArray();
            query = query.Where(e => e.BrandId.IsOneOf(only));
        }
        return await query.ToListAsync(ct);
    }
}
