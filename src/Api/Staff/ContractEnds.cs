using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;
using EventHr.Projections.Notifications;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace EventHr.Api.Staff;

/// <summary>The hourly wake-up's look at the contracts that end soon.</summary>
public sealed record ContractEndsDue;

/// <summary>
/// Arts. 44, 46(5): a fixed-term contract's end is a decision HR must take in time (renew on what terms, or let it end
/// and owe N). The hourly wake-up tells the employee's HR partner once, 30 days ahead (the brand's business day).
/// </summary>
[WolverineHandler]
public static class ContractEnds
{
    public static async Task<OutgoingMessages> Handle(ContractEndsDue _, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sent = new List<Notification>();
        foreach (var brand in await session.Query<Brand>().ToListAsync(ct))
        {
            var staff = await session.Query<Employee>().Where(e => e.BrandId == brand.BrandId && e.EndedOn == null).ToListAsync(ct);
            sent.AddRange(await NoticesDueAsync(session, staff, Infrastructure.BusinessDates.Today(clock, brand.TimeZone), brand.BrandId, now, ct));
        }
        return [.. await Notifications.WebhookDelivery.For(session, sent, ct)];
    }

    public const int DaysAhead = 30;

    public static IEnumerable<Employee> EndingWithin(IEnumerable<Employee> staff, DateOnly today) => staff.Where(e =>
        e.EndedOn is null && e.Facts.ContractKind == ContractKinds.FixedTerm && e.Facts.EndsOn is { } ends
        && ends >= today && ends <= today.AddDays(DaysAhead));

    public static async Task<IReadOnlyList<Notification>> NoticesDueAsync(IDocumentSession session, IReadOnlyList<Employee> staff, DateOnly today,
        string brandId, DateTimeOffset now, CancellationToken ct)
    {
        var due = EndingWithin(staff, today).Select(e => new Notification($"contract-ending:{e.EmployeeId}:{e.Facts.EndsOn:yyyy-MM-dd}", e.HrId,
            "contract-ending", null, e.EmployeeId,
            $"合同即将到期 {e.Name} ({e.EmployeeId})'s fixed-term contract ends on {e.Facts.EndsOn:yyyy-MM-dd}: renew (on what terms), or let it end "
            + "and pay the compensation owed (art. 46(5)) unless a renewal on the same or better terms is refused",
            today, now, e.Department, brandId)).ToList();
        if (due.Count == 0) return [];
        var told = (await session.LoadManyAsync<Notification>(ct, due.Select(n => n.Id))).Select(n => n.Id).ToHashSet();
        var fresh = due.Where(n => !told.Contains(n.Id)).ToList();
        foreach (var n in fresh) session.Store(n);
        return fresh;
    }
}
