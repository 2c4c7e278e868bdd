using EventHr.Domain.Law;
using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Events;
using EventHr.Api.Cases;
using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Evidence;
using EventHr.Domain.Evidence.Bundles;
using EventHr.Domain.Evidence.Integrity;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Projections.Audit;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace EventHr.Api.Evidence;

/// <summary>
/// Reads what a bundle is assembled from, as the store stood at <c>asOf</c>: the employee, case and
/// standard streams (typed, and as stored text with seals), the tallies of the periods in question, and
/// fairness flags. Each chain is verified against the database at the moment of export.
/// </summary>
public sealed class EvidenceReader(StoredEvents stored, EvidenceTallies tallies, StreamSealer sealer, CaseSettings settings)
{
    public sealed record Request(string EmployeeId, string? CaseId, DateTimeOffset? AsOf, string GeneratedBy, DateTimeOffset Now);

    public async Task<Result<EvidenceInput>> ReadAsync(IQuerySession session, Request request, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)session.Connection;
        var employeeEvents = await Fetch(session, StreamKeys.Employee(request.EmployeeId), request.AsOf, ct);
        if (employeeEvents.Count == 0)
            return Result<EvidenceInput>.NotFound($"no employee '{request.EmployeeId}'{(request.AsOf is null ? "" : " as of that instant")}");

        var caseId = request.CaseId;
        List<Recorded> caseEvents = [];
        if (caseId is not null)
        {
            var c = await session.LoadAsync<PerformanceCase>(PerformanceCase.StreamKey(caseId), ct);
            if (c is null || c.EmployeeId != request.EmployeeId)
                return Result<EvidenceInput>.NotFound($"no case '{caseId}' of employee '{request.EmployeeId}'");
            caseEvents = await Fetch(session, PerformanceCase.StreamKey(caseId), request.AsOf, ct);
        }
        else
        {
            // The latest case that existed at the instant asked for.
            caseId = null;
            var cases = await session.Query<PerformanceCase>().Where(c => c.EmployeeId == request.EmployeeId).ToListAsync(ct);
            foreach (var c in cases.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.CaseId))
            {
                caseEvents = await Fetch(session, PerformanceCase.StreamKey(c.CaseId), request.AsOf, ct);
                if (caseEvents.Count == 0) continue;
                caseId = c.CaseId;
                break;
            }
        }

        var standardKeys = BundleCoverage.StandardStreams(employeeEvents, caseEvents);
        var standardEvents = new List<Recorded>();
        foreach (var key in standardKeys) standardEvents.AddRange(await Fetch(session, key, request.AsOf, ct));

        var postKeys = BundleCoverage.PostStreams(caseEvents);
        var postEvents = new List<Recorded>();
        foreach (var key in postKeys) postEvents.AddRange(await Fetch(session, key, request.AsOf, ct));

        var range = EvidenceBundles.TallyRange(caseEvents);
        var rows = range is { } r ? await tallies.ForAsync(conn, request.EmployeeId, r.From, r.To, request.AsOf, ct) : [];

        var streams = new[] { StreamKeys.Employee(request.EmployeeId) }
            .Concat(caseId is null || caseEvents.Count == 0 ? [] : [PerformanceCase.StreamKey(caseId)]).Concat(standardKeys).Concat(postKeys);
        // Each chain stops at the last version the timeline shows: an event appended meanwhile is in neither.
        var shown = employeeEvents.Concat(caseEvents).Concat(standardEvents).Concat(postEvents).GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => g.Max(e => e.Version));
        var chains = await Chains(conn, streams.ToList(), shown, request.AsOf, ct);
        var batches = rows.GroupBy(t => t.BatchStream).Select(g => new SealedReference(g.Key, 1, g.First().BatchHash)).ToList();
        var integrity = new IntegritySection(EventChain.Algorithm, IntegritySection.Instructions, chains, batches, chains.All(c => c.Verdict.Valid));

        var hire = (EmployeeHired)employeeEvents[0].Data;
        var brand = await session.LoadAsync<Brand>(StreamKeys.Brand(hire.BrandId), ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand?.TimeZone ?? Brand.DefaultTimeZone);
        return Result<EvidenceInput>.Ok(new EvidenceInput(request.EmployeeId, caseId, request.AsOf, request.Now, request.GeneratedBy, zone,
            employeeEvents, caseEvents, standardEvents, rows, await FairnessFlags(session, request.AsOf, ct),
            await LawAsOf(session, employeeEvents, request.EmployeeId, request.AsOf, ct), integrity,
            (await Fetch(session, EvidenceExported.StreamKey(request.EmployeeId), request.AsOf, ct)).Select(e => (EvidenceExported)e.Data).ToList(),
            postEvents));
    }

    /// <summary>The law as it stood at the bundle's instant: the rules, the city's figures and payroll's wages due recorded by then.</summary>
    private async Task<LawInForce> LawAsOf(IQuerySession session, IReadOnlyList<Recorded> employeeEvents, string employeeId, DateTimeOffset? asOf,
        CancellationToken ct)
    {
        Employee? employee = null;
        foreach (var e in employeeEvents) employee = Fold<Employee>.Apply(employee, e.Data);
        PayrollRecord? payroll = null;
        foreach (var e in await Fetch(session, PayrollRecord.StreamKey(employeeId), asOf, ct)) payroll = Fold<PayrollRecord>.Apply(payroll, e.Data);
        LawFigureBook? book = null;
        if (employee?.Facts.City is { } city)
            foreach (var e in await Fetch(session, LawFigureBook.StreamKey(city), asOf, ct)) book = Fold<LawFigureBook>.Apply(book, e.Data);
        return new LawInForce(settings.Law, book, payroll?.Months ?? []);
    }

    /// <summary>
    /// The chains, every event sealed: the background sealer works a moment after commit, so a bundle asked
    /// for right after an event seals that stream's newest events itself (the same hashes) rather than wait.
    /// </summary>
    private async Task<List<ExportedChain>> Chains(NpgsqlConnection conn, IReadOnlyList<string> streams,
        IReadOnlyDictionary<string, long> shown, DateTimeOffset? asOf, CancellationToken ct)
    {
        var chains = new List<ExportedChain>();
        var sealedThrough = await stored.SealedThroughAsync(conn, ct);
        foreach (var key in streams)
        {
            var upTo = shown.GetValueOrDefault(key, 0);
            var chain = await Chain(conn, key, asOf, upTo, sealedThrough, ct);
            if (chain.Events.Any(e => e.Hash is null))
            {
                await sealer.SealAsync(key, ct);
                chain = await Chain(conn, key, asOf, upTo, sealedThrough, ct);
            }
            chains.Add(chain);
        }
        return chains;
    }

    private async Task<ExportedChain> Chain(NpgsqlConnection conn, string streamId, DateTimeOffset? asOf, long upTo, long sealedThrough,
        CancellationToken ct)
    {
        var events = await stored.StreamAsync(conn, streamId, asOf, ct, upTo);
        // The verdict covers exactly what the bundle shows: nothing recorded later (as of an instant, or while exporting).
        var lastShown = events.Count == 0 ? 0 : events[^1].Event.Version;
        var slots = await stored.SlotsAsync(conn, streamId, ct);
        var verdict = ChainCheck.Verify(streamId, slots.Where(x => x.Version <= lastShown).ToList(), sealedThrough);
        var exported = events.Select(e => new ExportedEvent(e.Event.Version, e.Sequence, e.Event.Type, e.Event.Timestamp, e.Event.Actor,
            e.Event.Data, e.PrevHash, e.Hash)).ToList();
        return new ExportedChain(streamId, exported, exported.LastOrDefault()?.Hash, verdict);
    }

    /// <summary>G3 flags as they stood at the instant: an alert closed later was still open then.</summary>
    private static async Task<IReadOnlyList<Alert>> FairnessFlags(IQuerySession session, DateTimeOffset? asOf, CancellationToken ct)
    {
        var flags = await session.Query<Alert>().Where(a => a.Kind == AlertRule.Fairness).ToListAsync(ct);
        if (asOf is not { } at) return flags;
        return flags.Where(a => a.OpenedAt <= at).Select(a => a.ClosedAt > at ? a with { ClosedAt = null, Status = "open" } : a).ToList();
    }

    private static async Task<List<Recorded>> Fetch(IQuerySession session, string key, DateTimeOffset? asOf, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(key, timestamp: asOf, token: ct);
        return events.Select(ToRecorded).ToList();
    }

    private static Recorded ToRecorded(IEvent e) => new(e.StreamKey!, e.Version, e.Sequence, e.Timestamp, e.UserName ?? "", e.EventTypeName, e.Data);
}
