using EventHr.Api.Infrastructure;
using EventHr.Api.Reports;
using EventHr.Domain.Alerts;
using EventHr.Domain.Organisation;
using EventHr.Domain.Reports;
using EventHr.Projections.Tallies;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace EventHr.Api.Alerts;

/// <summary>Time to look at the group's figures for smart alerts (sent with every hourly report wake-up).</summary>
public sealed record AlertSweepDue;

/// <summary>
/// Story 7: evaluates every alert condition on the month to date (and, for attrition, the months
/// before), opens an alert once per condition that holds, notifying group HR, and closes those that
/// cleared. Alerts are events of their own streams, so their history is evidence too.
/// </summary>
[WolverineHandler]
public static class AlertSweepRun
{
    public static async Task<OutgoingMessages> Handle(AlertSweepDue _, IDocumentSession session, TallyLedger ledger, TimeProvider clock,
        CancellationToken ct)
    {
        SystemActor.Stamp(session, "alerts");
        var now = clock.GetUtcNow();
        // The group's figures run to the latest business day begun in any brand's zone; each person's own day is their brand's.
        var zones = (await session.Query<Brand>().ToListAsync(ct)).ToDictionary(b => b.BrandId, b => b.TimeZone);
        DateOnly TodayOf(string brandId) => BusinessDates.Today(clock, zones.GetValueOrDefault(brandId) ?? Brand.DefaultTimeZone);
        var today = zones.Count == 0 ? TodayOf("") : zones.Keys.Max(TodayOf);
        var first = new DateOnly(today.Year, today.Month, 1);
        var rules = await session.LoadAsync<AlertRuleBook>(AlertRule.StreamKey, ct) ?? AlertRuleBook.Default;
        var performance = rules[AlertRule.Performance];

        // Enough history for the performance streak, the month to date for the rest.
        var from = Min(first, today.AddDays(-3 * performance.Span));
        var data = await GroupData.Load(session, ledger, from, today, ct);
        var monthDays = data.Days.ToDictionary(kv => kv.Key, kv => kv.Value.Where(d => d.Date >= first).ToList());
        var monthToDate = GroupOverviews.Build(first, data.Staff, monthDays, data.StandardOf);
        var active = data.Staff.Select(e => (Employee: e, Today: TodayOf(e.BrandId))).Where(x => x.Employee.EmployedOn(x.Today))
            .Select(x => (e: x.Employee, (IReadOnlyList<Domain.Rules.DayFigures>)(data.Days.GetValueOrDefault(x.Employee.EmployeeId) ?? []),
                data.StandardOf(x.Employee.BrandId, x.Employee.PostOn(x.Today))))
            .ToList();
        // Attrition looks at completed months: the month under way would read low and close an alert on the 1st.
        var months = Enumerable.Range(1, rules[AlertRule.Attrition].Span).Reverse()
            .Select(i => first.AddMonths(-i)).Select(m => GroupOverviews.Build(m, data.Staff, new Dictionary<string, List<Domain.Rules.DayFigures>>(), data.StandardOf))
            .ToList();

        var conditions = AlertConditions.Cost(monthToDate, rules[AlertRule.Cost])
            .Concat(AlertConditions.Attrition(months, rules[AlertRule.Attrition]))
            .Concat(AlertConditions.Performance(active, performance))
            .Concat(AlertConditions.Fairness(monthToDate, active.Select(a => (a.e, (IReadOnlyList<Domain.Rules.DayFigures>)a.Item2.Where(d => d.Date >= first).ToList(), a.Item3)),
                rules[AlertRule.Fairness]))
            .ToList();
        var open = await session.Query<Alert>().Where(a => a.Status == "open").ToListAsync(ct);
        var earlier = (await session.Query<Alert>().Select(a => new { a.Kind, a.Subject }).ToListAsync(ct))
            .CountBy(a => (a.Kind, a.Subject)).ToDictionary(kv => kv.Key, kv => kv.Value);

        var decisions = AlertSweep.Decide(open, conditions, (k, s) => earlier.GetValueOrDefault((k, s)), now);
        foreach (var (key, e, starts) in decisions)
        {
            if (starts) session.Events.StartStream<Alert>(key, e);
            else session.Events.Append(key, e);
        }
        return [.. await Notifications.WebhookDelivery.For(session, decisions.SelectMany(d => Projections.Notifications.NotificationsFor.Event(d.Event)), ct)];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
