using EventHr.Api.Cases;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using EventHr.Domain.Cases.Opening;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Common;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Projections.Tallies;
using JasperFx.Events;
using Marten;
using Npgsql;
using Wolverine.Attributes;

namespace EventHr.Api.Rules;

/// <summary>
/// A tally batch was committed, naming the employees whose new day the rules must look at. Sent
/// through the durable outbox in the same transaction as the batch's event.
/// </summary>
public sealed record TallyBatchLanded(Guid BatchId, IReadOnlyList<EmployeeDay> Evaluate);

/// <summary>
/// Runs the early-warning rule and the plan deadlines as each tally batch lands. The batch's message
/// leaves the outbox the moment the ingest transaction commits and waits in a durable, sequential
/// local queue, so batches are evaluated one at a time and none is lost to a crash; a case id
/// collision (another node) is retried by policy. Only the employees the batch names are read.
/// </summary>
[WolverineHandler]
public static class EvaluateTallies
{
    /// <summary>Days of history read behind each employee's latest tallied day.</summary>
    private const int WindowDays = 21;

    public static async Task Handle(TallyBatchLanded landed, IDocumentSession session, TallyLedger ledger,
        CaseSettings settings, TimeProvider clock, CancellationToken ct)
    {
        SystemActor.Stamp(session, "rules");
        if (landed.Evaluate.Count == 0) return;
        var ids = landed.Evaluate.Select(e => e.EmployeeId).ToArray();
        var openCases = (await session.Query<PerformanceCase>()
            .Where(c => c.EmployeeId.IsOneOf(ids) && c.Status != CaseStatus.Closed).ToListAsync(ct)).ToDictionary(c => c.EmployeeId);
        // The batch was picked against the cases as they stood at ingest; a backlog may have moved them on since.
        var evaluate = landed.Evaluate.Where(e => !openCases.TryGetValue(e.EmployeeId, out var c)
            || RuleCandidates.OpenCaseNeedsDay(new RuleCandidates.OpenCase(c.Status == CaseStatus.PlanActive, c.Plan?.Until, c.LastBreachOn),
                e.Date, settings.RulesFor(c.BrandId, c.PostId)) != false).ToList();
        if (evaluate.Count == 0) return;
        ids = evaluate.Select(e => e.EmployeeId).ToArray();
        var employees = (await session.LoadManyAsync<Employee>(ct, ids.Select(StreamKeys.Employee))).ToDictionary(e => e.EmployeeId);
        var conn = (NpgsqlConnection)session.Connection;
        var from = evaluate.Min(e => e.Date).AddDays(-WindowDays);
        var to = evaluate.Max(e => e.Date);
        var rows = (await ledger.InForceAsync(conn, ids, from, to, ct)).ToLookup(r => r.EmployeeId);
        var standards = new Dictionary<string, Standard?>();
        var now = clock.GetUtcNow();
        var opening = new CaseOpeningContext(session, ledger, conn, ids.Where(id => !openCases.ContainsKey(id)).ToArray());

        foreach (var (id, date) in evaluate)
        {
            if (!employees.TryGetValue(id, out var employee) || employee.EndedOn is not null) continue;
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
