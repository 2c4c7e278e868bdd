using EventHr.Api.Cases;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using EventHr.Domain.Cases.Opening;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Common;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Domain.Tallies;
using EventHr.Projections.Tallies;
using JasperFx.Events;
using Marten;
using Npgsql;
using Wolverine.Attributes;

namespace EventHr.Api.Rules;

/// <summary>
/// Runs the early-warning rule and the plan deadlines as each tally batch lands. Marten feeds the
/// <see cref="TalliesRecorded"/> events to this handler in strict order (one at a time), so two batches
/// for the same employee never race; a case id collision (another node) is retried by policy.
/// </summary>
[WolverineHandler]
public static class EvaluateTallies
{
    /// <summary>Days of history read behind each employee's latest tallied day.</summary>
    private const int WindowDays = 21;

    public static async Task Handle(IEvent<TalliesRecorded> recorded, IDocumentSession session, TallyLedger ledger,
        CaseSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var latestByEmployee = recorded.Data.Rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => g.Max(r => r.Date));
        var ids = latestByEmployee.Keys.ToArray();
        var employees = (await session.LoadManyAsync<Employee>(ct, ids.Select(StreamKeys.Employee)))
            .Where(e => e.EndedOn is null).ToDictionary(e => e.EmployeeId);
        var openCases = (await session.Query<PerformanceCase>()
            .Where(c => c.EmployeeId.IsOneOf(ids) && c.Status != CaseStatus.Closed).ToListAsync(ct))
            .ToDictionary(c => c.EmployeeId);

        var from = latestByEmployee.Values.Min().AddDays(-WindowDays);
        var to = latestByEmployee.Values.Max();
        var conn = (NpgsqlConnection)session.Connection;
        var rows = (await ledger.InForceAsync(conn, ids, from, to, ct)).ToLookup(r => r.EmployeeId);
        var standards = new Dictionary<string, Standard?>();
        var now = clock.GetUtcNow();

        foreach (var (employeeId, latest) in latestByEmployee)
        {
            if (!employees.TryGetValue(employeeId, out var employee)) continue;
            var days = TallyWindow.Days(rows[employeeId].Where(r => r.Date <= latest), employee);
            if (days.Count == 0 || days[^1].Date != latest) continue;
            var postId = employee.PostOn(latest);
            var standard = await StandardFor(session, standards, employee.BrandId, postId, ct);
            var rules = settings.RulesFor(employee.BrandId, postId);
            var breaches = LowPerformanceRule.Evaluate(days, standard, rules);
            openCases.TryGetValue(employeeId, out var open);

            if (open is not null)
            {
                var attach = breaches.Count > 0 && CaseOpening.Attach(open, breaches, now) is not null;
                var periodEnded = open.Status == CaseStatus.PlanActive && open.Plan is not null && latest >= open.Plan.Until;
                if (!attach && !periodEnded) continue;
                // Decide again on the stream's current state, with its version held against concurrent decisions.
                var stream = await session.Events.FetchForWriting<PerformanceCase>(PerformanceCase.StreamKey(open.CaseId), ct);
                if (stream.Aggregate is not { IsOpen: true } current) continue;
                if (breaches.Count > 0 && CaseOpening.Attach(current, breaches, now) is { } attached) stream.AppendOne(attached);
                stream.AppendMany(await AssessIfPeriodEnded(ledger, conn, current, employee, latest, rules, now, ct));
            }
            else if (breaches.Count > 0)
            {
                await OpenCase(session, ledger, conn, employee, breaches, days, rules, now, ct);
            }
        }
        await session.SaveChangesAsync(ct);
    }

    private static async Task OpenCase(IDocumentSession session, TallyLedger ledger, NpgsqlConnection conn, Employee employee,
        IReadOnlyList<Breach> breaches, List<DayFigures> days, RuleSettings rules, DateTimeOffset now, CancellationToken ct)
    {
        var previous = await session.Query<PerformanceCase>().CountAsync(c => c.EmployeeId == employee.EmployeeId, ct);
        var caseId = CaseOpening.CaseIdFor(employee.EmployeeId, previous + 1);
        var window = days.Where(d => breaches.Any(b => b.Dates.Contains(d.Date))).ToList();
        var postId = employee.PostOn(window[^1].Date);
        var peers = await session.Query<Employee>().Where(e => e.BrandId == employee.BrandId && e.PostId == postId)
            .Where(e => e.EmployeeId != employee.EmployeeId).Select(e => e.EmployeeId).ToListAsync(ct);
        var (clicks, conversion) = await ledger.PeerAveragesAsync(conn, peers, window[0].Date, window[^1].Date, ct);
        var events = CaseOpening.Open(caseId, employee, breaches, window, new PipDrafting.PeerReference(clicks, conversion), rules, now);
        session.Events.StartStream<PerformanceCase>(PerformanceCase.StreamKey(caseId), events.ToArray());
    }

    private static async Task<IReadOnlyList<object>> AssessIfPeriodEnded(TallyLedger ledger, NpgsqlConnection conn, PerformanceCase open,
        Employee employee, DateOnly latest, RuleSettings rules, DateTimeOffset now, CancellationToken ct)
    {
        if (open.Status != CaseStatus.PlanActive || open.Plan is null || latest < open.Plan.Until) return [];
        var periodRows = await ledger.InForceAsync(conn, employee.EmployeeId, open.Plan.AssessFrom, open.Plan.Until, ct);
        var periodDays = TallyWindow.Days(periodRows, employee);
        return PeriodEnd.OnTallied(open, latest, periodDays, periodRows.Select(r => r.SourceId).ToList(), rules, now);
    }

    private static async Task<Standard?> StandardFor(IQuerySession session, Dictionary<string, Standard?> cache, string brandId,
        string postId, CancellationToken ct)
    {
        var key = StreamKeys.Standard(brandId, postId);
        if (!cache.TryGetValue(key, out var standard)) cache[key] = standard = await session.LoadAsync<Standard>(key, ct);
        return standard;
    }
}
