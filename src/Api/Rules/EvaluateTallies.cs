using EventHr.Api.Cases;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using EventHr.Domain.Cases.Opening;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Domain.Tallies;
using EventHr.Projections.Staff;
using EventHr.Projections.Tallies;
using JasperFx.Events;
using Marten;
using Npgsql;
using Wolverine.Attributes;

namespace EventHr.Api.Rules;

/// <summary>A tally batch was committed; sent through the durable outbox in the same transaction as its event.</summary>
public sealed record TallyBatchLanded(Guid BatchId);

/// <summary>
/// Runs the early-warning rule and the plan deadlines as each tally batch lands. The batch's message
/// leaves the outbox the moment the ingest transaction commits and waits in a durable, sequential
/// local queue, so batches are evaluated one at a time and none is lost to a crash; a case id
/// collision (another node) is retried by policy. A daily feed touches thousands of employees, so
/// history is read only for those whose new day may be low, or whose plan period just ended.
/// </summary>
[WolverineHandler]
public static class EvaluateTallies
{
    /// <summary>Days of history read behind each employee's latest tallied day.</summary>
    private const int WindowDays = 21;

    private sealed record Latest(DateOnly Date, RawMetrics Metrics);

    public static async Task Handle(TallyBatchLanded landed, IDocumentSession session, TallyLedger ledger, EmployeePosts directory,
        CaseSettings settings, TimeProvider clock, CancellationToken ct)
    {
        SystemActor.Stamp(session, "rules");
        var events = await session.Events.FetchStreamAsync(StreamKeys.TallyBatch(landed.BatchId), token: ct);
        if (events.FirstOrDefault()?.Data is not TalliesRecorded recorded) return;
        var latest = recorded.Rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g =>
        {
            var date = g.Max(r => r.Date);
            return new Latest(date, RawMetrics.Combine(g.Where(r => r.Date == date).Select(r => r.Metrics).ToList()));
        });
        var ids = latest.Keys.ToArray();
        var conn = (NpgsqlConnection)session.Connection;
        var posts = await directory.CurrentAsync(conn, ids, ct);
        var openCases = (await session.Query<PerformanceCase>()
            .Where(c => c.EmployeeId.IsOneOf(ids) && c.Status != CaseStatus.Closed).ToListAsync(ct)).ToDictionary(c => c.EmployeeId);
        var standards = new Dictionary<string, Standard?>();

        var toEvaluate = new List<string>();
        foreach (var (id, day) in latest)
        {
            if (!posts.TryGetValue(id, out var p)) continue;
            var standard = await StandardFor(session, standards, p.BrandId, p.PostId, ct);
            var rules = settings.RulesFor(p.BrandId, p.PostId);
            if (openCases.TryGetValue(id, out var open))
            {
                // An open case needs this day only to end its plan period, or for a new pattern to attach.
                var periodEnded = open.Status == CaseStatus.PlanActive && day.Date >= open.Plan!.Until;
                var newPatternPossible = day.Date.DayNumber - open.LastBreachOn.DayNumber >= rules.ConsecutiveLowDays;
                if (!periodEnded && !newPatternPossible) continue;
                if (periodEnded) { toEvaluate.Add(id); continue; }
            }
            if (LowRowFilter.MayBeLow(day.Metrics, standard?.InForceOn(day.Date), rules)) toEvaluate.Add(id);
        }
        if (toEvaluate.Count == 0) return;

        var employees = (await session.LoadManyAsync<Employee>(ct, toEvaluate.Select(StreamKeys.Employee))).ToDictionary(e => e.EmployeeId);
        var from = toEvaluate.Min(id => latest[id].Date).AddDays(-WindowDays);
        var to = toEvaluate.Max(id => latest[id].Date);
        var rows = (await ledger.InForceAsync(conn, toEvaluate, from, to, ct)).ToLookup(r => r.EmployeeId);
        var now = clock.GetUtcNow();
        var opening = new CaseOpeningContext(session, ledger, conn, toEvaluate.Where(id => !openCases.ContainsKey(id)).ToArray());

        foreach (var id in toEvaluate)
        {
            if (!employees.TryGetValue(id, out var employee)) continue;
            var date = latest[id].Date;
            var days = TallyWindow.Days(rows[id].Where(r => r.Date <= date), employee);
            if (days.Count == 0 || days[^1].Date != date) continue;
            var postId = employee.PostOn(date);
            var rules = settings.RulesFor(employee.BrandId, postId);
            var breaches = LowPerformanceRule.Evaluate(days, await StandardFor(session, standards, employee.BrandId, postId, ct), rules);

            if (openCases.TryGetValue(id, out var open))
                await Progress(session, ledger, conn, open, employee, breaches, date, rules, now, ct);
            else if (breaches.Count > 0)
                await opening.Open(employee, breaches, days, rules, now, ct);
        }
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An open case hears of a new breach pattern, and is assessed when its plan period's last day
    /// has been tallied. Assessment depends on the case's state, so it is decided on the stream's
    /// current version; attaching a breach changes no state and is appended as it is.
    /// </summary>
    private static async Task Progress(IDocumentSession session, TallyLedger ledger, NpgsqlConnection conn, PerformanceCase open,
        Employee employee, IReadOnlyList<Breach> breaches, DateOnly date, RuleSettings rules, DateTimeOffset now, CancellationToken ct)
    {
        var key = PerformanceCase.StreamKey(open.CaseId);
        if (breaches.Count > 0 && CaseOpening.Attach(open, breaches, now) is { } attached) session.Events.Append(key, attached);
        if (open.Status != CaseStatus.PlanActive || open.Plan is null || date < open.Plan.Until) return;

        var stream = await session.Events.FetchForWriting<PerformanceCase>(key, ct);
        if (stream.Aggregate is not { Status: CaseStatus.PlanActive, Plan: { } plan } current) return;
        var periodRows = await ledger.InForceAsync(conn, employee.EmployeeId, plan.AssessFrom, plan.Until, ct);
        stream.AppendMany(PeriodEnd.OnTallied(current, date, TallyWindow.Days(periodRows, employee),
            periodRows.Select(r => r.SourceId).ToList(), rules, now));
    }

    /// <summary>
    /// Opening cases for a batch: earlier cases of the employees are counted in one query, and the
    /// diagnosis reference (same brand × post averages over the warning days) is read once per post and window.
    /// </summary>
    private sealed class CaseOpeningContext(IDocumentSession session, TallyLedger ledger, NpgsqlConnection conn, string[] withoutOpenCase)
    {
        private Dictionary<string, int>? _earlierCases;
        private readonly Dictionary<(string, string, DateOnly, DateOnly), PipDrafting.PeerReference> _peers = new();

        public async Task Open(Employee employee, IReadOnlyList<Breach> breaches, List<DayFigures> days, RuleSettings rules,
            DateTimeOffset now, CancellationToken ct)
        {
            _earlierCases ??= (await session.Query<PerformanceCase>().Where(c => c.EmployeeId.IsOneOf(withoutOpenCase))
                .Select(c => c.EmployeeId).ToListAsync(ct)).CountBy(id => id).ToDictionary(kv => kv.Key, kv => kv.Value);
            var caseId = CaseOpening.CaseIdFor(employee.EmployeeId, _earlierCases.GetValueOrDefault(employee.EmployeeId) + 1);
            var window = days.Where(d => breaches.Any(b => b.Dates.Contains(d.Date))).ToList();
            var peers = await PeersOf(employee.BrandId, employee.PostOn(window[^1].Date), window[0].Date, window[^1].Date, ct);
            var events = CaseOpening.Open(caseId, employee, breaches, window, peers, rules, now);
            session.Events.StartStream<PerformanceCase>(PerformanceCase.StreamKey(caseId), events.ToArray());
        }

        private async Task<PipDrafting.PeerReference> PeersOf(string brandId, string postId, DateOnly from, DateOnly to, CancellationToken ct)
        {
            if (_peers.TryGetValue((brandId, postId, from, to), out var known)) return known;
            var ids = await session.Query<Employee>().Where(e => e.BrandId == brandId && e.PostId == postId)
                .Select(e => e.EmployeeId).ToListAsync(ct);
            var (clicks, conversion) = await ledger.PeerAveragesAsync(conn, ids, from, to, ct);
            return _peers[(brandId, postId, from, to)] = new PipDrafting.PeerReference(clicks, conversion);
        }
    }

    private static async Task<Standard?> StandardFor(IQuerySession session, Dictionary<string, Standard?> cache, string brandId,
        string postId, CancellationToken ct)
    {
        var key = StreamKeys.Standard(brandId, postId);
        if (!cache.TryGetValue(key, out var standard)) cache[key] = standard = await session.LoadAsync<Standard>(key, ct);
        return standard;
    }
}
