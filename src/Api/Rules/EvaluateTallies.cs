using EventHr.Projections.Standards;
using EventHr.Api.Cases;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Events;
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
using EventHr.Api.Notifications;
using EventHr.Projections.Notifications;
using Wolverine;
using Wolverine.Attributes;

namespace EventHr.Api.Rules;

/// <summary>
/// A tally batch was committed, naming the employees whose new day the rules must look at. Sent
/// through the durable outbox in the same transaction as the batch's event.
/// </summary>
public sealed record TallyBatchLanded(Guid BatchId, IReadOnlyList<EmployeeDay> Evaluate);

/// <summary>
/// Runs the early-warning rule and the plan deadlines as tally batches land. Each batch's message
/// leaves the outbox the moment the ingest transaction commits and waits in a durable, sequential
/// local queue, so batches are evaluated one at a time and none is lost to a crash. A batch may
/// name several days of one employee (a catch-up feed); they are evaluated in date order on the
/// case state decided so far. A case id collision (another node) is retried by policy.
/// </summary>
[WolverineHandler]
public static class EvaluateTallies
{
    /// <summary>Days of history read behind each employee's latest tallied day.</summary>
    private const int WindowDays = 21;

    public static async Task<OutgoingMessages> Handle(TallyBatchLanded landed, IDocumentSession session, TallyLedger ledger,
        CaseSettings settings, TimeProvider clock, CancellationToken ct)
    {
        SystemActor.Stamp(session, "rules");
        var named = landed.Evaluate.GroupBy(e => e.EmployeeId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Date).Distinct().Order().ToList());
        if (named.Count == 0) return [];
        var ids = named.Keys.ToArray();
        var openCases = (await session.Query<PerformanceCase>()
            .Where(c => c.EmployeeId.IsOneOf(ids) && c.Status != CaseStatus.Closed).ToListAsync(ct)).ToDictionary(c => c.EmployeeId);
        // The days were picked against the cases as they stood at ingest; a backlog may have moved them on since.
        foreach (var (id, c) in openCases)
        {
            var open = new RuleCandidates.OpenCase(c.Status == CaseStatus.PlanActive, c.Plan?.Until, c.LastBreachOn);
            named[id].RemoveAll(d => RuleCandidates.OpenCaseNeedsDay(open, d, settings.RulesFor(c.BrandId, c.PostId)) == false);
        }
        ids = named.Where(kv => kv.Value.Count > 0).Select(kv => kv.Key).ToArray();
        if (ids.Length == 0) return [];

        var employees = (await session.LoadManyAsync<Employee>(ct, ids.Select(StreamKeys.Employee))).ToDictionary(e => e.EmployeeId);
        var conn = (NpgsqlConnection)session.Connection;
        var from = ids.Min(id => named[id][0]).AddDays(-WindowDays);
        var to = ids.Max(id => named[id][^1]);
        var rows = (await ledger.InForceAsync(conn, ids, from, to, ct)).ToLookup(r => r.EmployeeId);
        var standards = await StandardLookup.LoadAsync(session,
            employees.Values.SelectMany(e => named[e.EmployeeId].Select(d => (e.BrandId, e.PostOn(d)))), ct);
        var now = clock.GetUtcNow();
        var opening = new CaseOpeningContext(session, ledger, conn, ids.Where(id => !openCases.ContainsKey(id)).ToArray());
        var facts = new List<object>();

        foreach (var id in ids)
        {
            if (!employees.TryGetValue(id, out var employee) || employee.EndedOn is not null) continue;
            var history = TallyWindow.Days(rows[id], employee);
            var caseLog = await CaseLog.Begin(session, openCases.GetValueOrDefault(id), named[id][^1], ct);
            foreach (var date in named[id])
            {
                var days = history.Where(d => d.Date <= date).ToList();
                if (days.Count == 0 || days[^1].Date != date) continue;
                var postId = employee.PostOn(date);
                var rules = settings.RulesFor(employee.BrandId, postId);
                var breaches = LowPerformanceRule.Evaluate(days, standards.GetValueOrDefault((employee.BrandId, postId)), rules);
                if (caseLog.Current is { IsOpen: true } open)
                    caseLog.Record(await Progress(ledger, conn, open, employee, breaches, date, rules, now, ct));
                else if (breaches.Count > 0 && caseLog.Current is null)
                    caseLog.Record(await opening.Open(employee, breaches, days, rules, now, ct));
            }
            facts.AddRange(caseLog.Append(session));
        }
        return [.. await WebhookDelivery.For(session, facts.SelectMany(NotificationsFor.Event), ct)];
    }

    /// <summary>
    /// One employee's case across the days of a handler run: the state decided on so far, and the
    /// events to write at the end: a new stream (so two openers collide on its id), an append at the
    /// version read (when a plan period may be assessed), or a plain append (a breach attaching).
    /// </summary>
    private sealed class CaseLog
    {
        private readonly IEventStream<PerformanceCase>? _stream;
        private readonly bool _isNew;
        private readonly List<object> _events = [];
        public PerformanceCase? Current { get; private set; }

        private CaseLog(PerformanceCase? current, IEventStream<PerformanceCase>? stream) =>
            (Current, _stream, _isNew) = (current, stream, current is null);

        public static async Task<CaseLog> Begin(IDocumentSession session, PerformanceCase? open, DateOnly lastDay, CancellationToken ct)
        {
            if (open is not { Status: CaseStatus.PlanActive, Plan: { } plan } || lastDay < plan.Until) return new CaseLog(open, null);
            var stream = await session.Events.FetchForWriting<PerformanceCase>(PerformanceCase.StreamKey(open.CaseId), ct);
            return new CaseLog(stream.Aggregate, stream);
        }

        public void Record(IReadOnlyList<object> events)
        {
            foreach (var e in events) Current = Fold<PerformanceCase>.Apply(Current, e);
            _events.AddRange(events);
        }

        /// <summary>Writes the events decided on; returns them.</summary>
        public IReadOnlyList<object> Append(IDocumentSession session)
        {
            if (_events.Count == 0 || Current is null) return [];
            var key = PerformanceCase.StreamKey(Current.CaseId);
            if (_isNew) session.Events.StartStream<PerformanceCase>(key, _events.ToArray());
            else if (_stream is not null) _stream.AppendMany(_events);
            else session.Events.Append(key, _events.ToArray());
            return _events;
        }
    }

    /// <summary>
    /// An open case hears of a new breach pattern, and is assessed when its plan period's last day
    /// has been tallied.
    /// </summary>
    private static async Task<IReadOnlyList<object>> Progress(TallyLedger ledger, NpgsqlConnection conn, PerformanceCase open,
        Employee employee, IReadOnlyList<Breach> breaches, DateOnly date, RuleSettings rules, DateTimeOffset now, CancellationToken ct)
    {
        var events = new List<object>();
        if (breaches.Count > 0 && CaseOpening.Attach(open, breaches, now) is { } attached)
        {
            events.Add(attached);
            open = open.Apply(attached);
        }
        if (open is { Status: CaseStatus.PlanActive, Plan: { } plan } && date >= plan.Until)
        {
            var periodRows = await ledger.InForceAsync(conn, employee.EmployeeId, plan.AssessFrom, plan.Until, ct);
            events.AddRange(PeriodEnd.OnTallied(open, date, TallyWindow.Days(periodRows, employee),
                periodRows.Select(r => r.SourceId).ToList(), rules, now));
        }
        return events;
    }

    /// <summary>
    /// Opening cases for a batch: earlier cases of the employees are counted in one query, and the
    /// diagnosis reference (same brand × post averages over the warning days) is read once per post and window.
    /// </summary>
    private sealed class CaseOpeningContext(IDocumentSession session, TallyLedger ledger, NpgsqlConnection conn, string[] withoutOpenCase)
    {
        private Dictionary<string, int>? _earlierCases;
        private readonly Dictionary<(string, string, DateOnly, DateOnly), PipDrafting.PeerReference> _peers = new();

        public async Task<IReadOnlyList<object>> Open(Employee employee, IReadOnlyList<Breach> breaches, List<DayFigures> days,
            RuleSettings rules, DateTimeOffset now, CancellationToken ct)
        {
            _earlierCases ??= (await session.Query<PerformanceCase>().Where(c => c.EmployeeId.IsOneOf(withoutOpenCase))
                .Select(c => c.EmployeeId).ToListAsync(ct)).CountBy(id => id).ToDictionary(kv => kv.Key, kv => kv.Value);
            var caseId = CaseOpening.CaseIdFor(employee.EmployeeId, _earlierCases.GetValueOrDefault(employee.EmployeeId) + 1);
            var window = days.Where(d => breaches.Any(b => b.Dates.Contains(d.Date))).ToList();
            var peers = await PeersOf(employee.BrandId, employee.PostOn(window[^1].Date), window[0].Date, window[^1].Date, ct);
            return CaseOpening.Open(caseId, employee, breaches, window, peers, rules, now);
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
}
