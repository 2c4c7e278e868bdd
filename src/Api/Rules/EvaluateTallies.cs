using EventHr.Api.Cases;
using EventHr.Api.Notifications;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Cases.Progress;
using EventHr.Domain.Common;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Projections.Notifications;
using EventHr.Projections.Standards;
using EventHr.Projections.Tallies;
using JasperFx.Events;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Marten;

namespace EventHr.Api.Rules;

/// <summary>
/// A tally batch was committed, naming the employees whose new day the rules must look at. Sent
/// through the durable outbox in the same transaction as the batch's event.
/// </summary>
public sealed record TallyBatchLanded(Guid BatchId, IReadOnlyList<EmployeeDay> Evaluate);

/// <summary>
/// Runs the early-warning rule and the plan assessments as tally batches land. Each batch's message
/// leaves the outbox the moment the ingest transaction commits and waits in a durable, sequential
/// local queue, so batches are evaluated one at a time and none is lost to a crash. This handler
/// loads what the named employees' days need and returns what <see cref="TalliedDays"/> decides, as the
/// writes of each case and the webhook deliveries of the warnings and escalations among them.
/// </summary>
[WolverineHandler]
public static class EvaluateTallies
{
    /// <summary>Days of history read behind each employee's latest tallied day.</summary>
    private const int WindowDays = 21;

    public static async Task<(IEnumerable<IMartenOp>, OutgoingMessages)> Handle(TallyBatchLanded landed, IDocumentSession session, TallyLedger ledger,
        CaseSettings settings, TimeProvider clock, Envelope envelope, ILoggerFactory logs, CancellationToken ct)
    {
        SystemActor.Stamp(session, "rules");
        var named = landed.Evaluate.GroupBy(e => e.EmployeeId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Date).Distinct().Order().ToList());
        if (named.Count == 0) return ([], []);
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
        if (ids.Length == 0) return ([], []);

        var employees = (await session.LoadManyAsync<Employee>(ct, ids.Select(StreamKeys.Employee))).ToDictionary(e => e.EmployeeId);
        var conn = (NpgsqlConnection)session.Connection;
        var rows = (await ledger.InForceAsync(conn, ids, ids.Min(id => named[id][0]).AddDays(-WindowDays), ids.Max(id => named[id][^1]), ct))
            .ToLookup(r => r.EmployeeId);
        var standards = await StandardLookup.LoadAsync(session,
            employees.Values.SelectMany(e => named[e.EmployeeId].Select(d => (e.BrandId, e.PostOn(d)))), ct);
        var opening = new OpeningFactsLoader(session, ledger, conn, ids.Where(id => !openCases.ContainsKey(id)).ToArray());
        // G3: the open fairness flags, read only for a batch that may assess a plan period (no finding under an unreviewed one).
        IReadOnlyList<Domain.Alerts.Alert> flags = [];
        var flagsRead = false;
        var now = clock.GetUtcNow();

        var writes = new List<IMartenOp>();
        foreach (var id in ids.Where(employees.ContainsKey))
        {
            var employee = employees[id];
            var open = openCases.GetValueOrDefault(id);
            // Where a period may be assessed, the case is fetched for writing: a decision racing it conflicts and is retried.
            var stream = TalliedDays.MayAssess(open, named[id])
                ? await session.Events.FetchForWriting<PerformanceCase>(PerformanceCase.StreamKey(open!.CaseId), ct) : null;
            if (stream is not null && !flagsRead) (flags, flagsRead) = (await Alerts.OpenFairnessFlags.LoadAsync(session, ct), true);
            var input = new TalliedEmployee(employee, named[id], TallyWindow.Days(rows[id], employee), stream?.Aggregate ?? open,
                stream?.Aggregate is { Plan: { } plan } ? await PeriodOf(ledger, conn, employee, plan, ct) : null);
            var outcome = Decide(input, standards, settings, opening.For(id), now, flags);
            if (outcome.NeedsOpeningFacts is { } window)
            {
                await opening.LoadAsync(window, ct);
                outcome = Decide(input, standards, settings, opening.For(id), now, flags);
            }
            if (outcome.Events.Count > 0) writes.Add(new CaseWrite(outcome, stream));
        }
        var facts = writes.Cast<CaseWrite>().SelectMany(w => w.Outcome.Events).ToList();
        var log = logs.CreateLogger("EventHr.Rules");
        foreach (var warning in facts.OfType<WarningRaised>())
        {
            // From the batch's commit (its message left the outbox then) to this evaluation.
            if (envelope.SentAt != default)
                Projections.Telemetry.EventHrMetrics.WarningLatency.Record(Math.Max(0, (DateTimeOffset.UtcNow - envelope.SentAt).TotalMilliseconds));
            log.LogInformation("Warning raised: case {CaseId} opened for employee {EmployeeId}", warning.CaseId, warning.EmployeeId);
        }
        return (writes, [.. await WebhookDelivery.For(session, facts.SelectMany(NotificationsFor.Event), ct)]);
    }

    /// <summary>
    /// What the day step decided for one case: a new case starts its stream (two openers collide on its
    /// id), an assessment appends at the version read, anything else (a breach attaching) is appended.
    /// </summary>
    private sealed record CaseWrite(TalliedOutcome Outcome, IEventStream<PerformanceCase>? FetchedForWriting) : IMartenOp
    {
        public void Execute(IDocumentSession session)
        {
            var key = PerformanceCase.StreamKey(Outcome.CaseId!);
            if (Outcome.Opens) session.Events.StartStream<PerformanceCase>(key, Outcome.Events.ToArray());
            else if (FetchedForWriting is not null) FetchedForWriting.AppendMany(Outcome.Events);
            else session.Events.Append(key, Outcome.Events.ToArray());
        }
    }

    private static TalliedOutcome Decide(TalliedEmployee input, IReadOnlyDictionary<(string, string), Domain.Standards.Standard?> standards,
        CaseSettings settings, Func<PeerWindow, OpeningFacts?> opening, DateTimeOffset now, IReadOnlyList<Domain.Alerts.Alert> flags) =>
        TalliedDays.Decide(input, (brand, post) => standards.GetValueOrDefault((brand, post)), settings.RulesFor, opening, now,
            (brand, post) => flags.Count > 0 && Domain.Standards.Standard.UnderReview(standards.GetValueOrDefault((brand, post)), flags, brand, post));

    private static async Task<PlanPeriod> PeriodOf(TallyLedger ledger, NpgsqlConnection conn, Employee employee, Plan plan, CancellationToken ct)
    {
        var periodRows = await ledger.InForceAsync(conn, employee.EmployeeId, plan.AssessFrom, plan.Until, ct);
        return new PlanPeriod(TallyWindow.Days(periodRows, employee), periodRows.Select(r => r.SourceId).ToList());
    }

    /// <summary>
    /// What opening a case needs, read only when a case would open: the earlier cases of the batch's
    /// employees without an open one (for the new case's number, in one query), and the same brand × post
    /// averages over the warning days, read once per post and window.
    /// </summary>
    private sealed class OpeningFactsLoader(IDocumentSession session, TallyLedger ledger, NpgsqlConnection conn, string[] withoutOpenCase)
    {
        private readonly Dictionary<PeerWindow, PipDrafting.PeerReference> _peers = new();
        private Dictionary<string, int>? _earlierCases;

        public Func<PeerWindow, OpeningFacts?> For(string employeeId) => window =>
            _earlierCases is not null && _peers.TryGetValue(window, out var peers)
                ? new OpeningFacts(peers, _earlierCases.GetValueOrDefault(employeeId)) : null;

        public async Task LoadAsync(PeerWindow window, CancellationToken ct)
        {
            _earlierCases ??= (await session.Query<PerformanceCase>().Where(c => c.EmployeeId.IsOneOf(withoutOpenCase))
                .Select(c => c.EmployeeId).ToListAsync(ct)).CountBy(id => id).ToDictionary(kv => kv.Key, kv => kv.Value);
            if (_peers.ContainsKey(window)) return;
            var ids = await session.Query<Employee>().Where(e => e.BrandId == window.BrandId && e.PostId == window.PostId)
                .Select(e => e.EmployeeId).ToListAsync(ct);
            var (clicks, conversion) = await ledger.PeerAveragesAsync(conn, ids, window.From, window.To, ct);
            _peers[window] = new PipDrafting.PeerReference(clicks, conversion);
        }
    }
}
