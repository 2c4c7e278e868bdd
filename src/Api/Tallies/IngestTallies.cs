using System.Security.Claims;
using System.Text.Json;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using EventHr.Domain.Tallies;
using EventHr.Projections.Staff;
using EventHr.Projections.Tallies;
using Npgsql;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using EventHr.Api.Rules;

namespace EventHr.Api.Tallies;

public sealed record RejectedRow(int Index, string? SourceId, IReadOnlyDictionary<string, string[]> Errors);

public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<RejectedRow> Rejected);

public static class IngestTallies
{
    /// <summary>10,000 rows of every metric with long source ids stay far below this.</summary>
    private const long MaxBodyBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Takes a batch of 1–10,000 daily tally rows. Rows seen before (by sourceId) are duplicates and
    /// change nothing; a bad row is rejected alone; the rest land in one transaction together with
    /// one <c>TalliesRecorded</c> event.
    /// </summary>
    [WolverinePost("/api/tallies", OperationId = "ingestTallies"), Authorize(Roles = Roles.Ingest), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Ingest)]
    [Tags("Tallies"), ProducesResponseType<IngestResult>(200)]
    public static async Task<(IResult, OutgoingMessages)> Post(HttpRequest request, IDocumentSession session, TallyLedger ledger,
        EmployeeFacts employeeFacts, RuleTriggers triggers, ClaimsPrincipal user, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        List<TallyBatchReader.ParsedRow> parsed;
        try
        {
            parsed = await request.BodyReader.ParseToEndAsync(MaxBodyBytes, TallyBatchReader.Read, ct);
        }
        catch (JsonException e) { return (Problems.Invalid(new FieldErrors().Add("body", $"is not valid JSON: {e.Message}")), []); }
        catch (TallyBatchReader.BatchShapeException e) { return (Problems.Invalid(new FieldErrors().Add("body", e.Message)), []); }
        catch (BodyTooLargeException) { return (Problems.Invalid(new FieldErrors().Add("body", $"exceeds {MaxBodyBytes / 1024 / 1024} MiB")), []); }
        if (parsed.Count == 0) return (Problems.Invalid(new FieldErrors().Add("body", $"a batch holds 1 to {TallyRules.MaxBatchRows:N0} rows; this one has none")), []);

        // Whole microseconds (PostgreSQL's precision): the ledger row and the batch event then hold the same
        // instant, and a ledger rebuilt from the events is identical to the one written here.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        // No business date can lie beyond today in the time zone furthest ahead (UTC+14).
        var latestDate = DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));

        // The ledger rows are written on the session's own transaction, which the framework commits with the
        // batch event and the outgoing message: all three land, or none does.
        await session.BeginTransactionAsync(ct);
        var conn = (NpgsqlConnection)session.Connection;
        // A feed sees only its brands' staff: anyone else is an unknown employee, and nothing about them is said.
        var scope = user.Scope();
        var feed = user.ActorFor(Roles.Integration, Roles.Hr, Roles.Admin);
        var facts = (await employeeFacts.ForAsync(conn, parsed.Where(p => p.Row is not null).Select(p => p.Row!.EmployeeId).Distinct().ToList(), ct))
            .Where(kv => scope.FeedsFor(kv.Value.BrandId)).ToDictionary();
        var corrected = await ledger.FindAsync(conn, parsed.Where(p => p.Row?.Corrects is not null)
            .Select(p => p.Row!.Corrects!).ToHashSet(), ct);

        var rejected = new List<RejectedRow>();
        var valid = new List<TallyRow>(parsed.Count);
        foreach (var p in parsed)
        {
            var errors = p.Errors;
            if (p.Row is not null)
            {
                errors = TallyRules.Check(p.Row, facts.TryGetValue(p.Row.EmployeeId, out var f) ? new TallyRules.EmployeeFacts(f.HiredOn, f.EndedOn) : null,
                    latestDate);
                CheckCorrection(p.Row, corrected, facts.ContainsKey, feed, scope.Has(Roles.Hr) || scope.Has(Roles.Admin), errors);
            }
            if (errors.IsEmpty)
            {
                valid.Add(p.Row!);
                corrected.TryAdd(p.Row!.SourceId, new StoredRow(p.Row.EmployeeId, p.Row.Date, feed.UserId));
            }
            else rejected.Add(new RejectedRow(p.Index, p.SourceId, errors.ToDictionary()));
        }

        var accepted = new List<TallyRow>();
        var duplicates = 0;
        var messages = new OutgoingMessages();
        if (valid.Count > 0)
        {
            var batchId = Guid.CreateVersion7();
            var inserted = await ledger.InsertNewAsync(conn, valid, batchId, now, feed.UserId, ct);
            accepted = valid.Where(r => inserted.Contains(r.SourceId)).ToList();
            // A row not inserted was seen before: a duplicate when this feed sent it (or a row from before feeds owned
            // their rows), a conflict when another feed did.
            var seen = valid.Where(r => !inserted.Contains(r.SourceId)).ToList();
            var owners = seen.Count == 0 ? [] : await ledger.FindAsync(conn, seen.Select(r => r.SourceId).ToHashSet(), ct);
            var conflicts = seen.Where(r => owners.GetValueOrDefault(r.SourceId)?.Feed is { } owner && owner != feed.UserId).ToList();
            foreach (var row in conflicts)
                rejected.Add(new RejectedRow(parsed.First(p => ReferenceEquals(p.Row, row)).Index, row.SourceId,
                    new FieldErrors().Add("sourceId", "conflicts with a row another feed sent under this id").ToDictionary()));
            duplicates = seen.Count - conflicts.Count;
            if (accepted.Count > 0)
            {
                session.Events.StartStream(StreamKeys.TallyBatch(batchId),
                    new TalliesRecorded(batchId, accepted, duplicates, feed.UserId, now));
                var evaluate = await triggers.Select(session, accepted, facts, ct);
                if (evaluate.Count > 0) messages.Add(new TallyBatchLanded(batchId, evaluate));
            }
        }
        // Duplicates are answered, not committed: counted here. Accepted rows are counted when their batch commits.
        if (duplicates > 0) Projections.Telemetry.EventHrMetrics.Duplicates.Add(duplicates);
        logs.CreateLogger("EventHr.Tallies").LogInformation("Tally batch from {Feed}: {Accepted} rows accepted, {Duplicates} duplicates, {Rejected} rejected",
            feed.UserId, accepted.Count, duplicates, rejected.Count);
        return (Results.Ok(new IngestResult(accepted.Count, duplicates, rejected.OrderBy(r => r.Index).ToList())), messages);
    }

    /// <summary>
    /// A correction must point at a known row of the same employee and day, sent by the same feed (or be
    /// HR's, recorded as such); what it says of a row it may not touch is only that it cannot.
    /// </summary>
    private static void CheckCorrection(TallyRow row, Dictionary<string, StoredRow> known, Func<string, bool> inScope, Domain.Common.Actor feed, bool byHr,
        FieldErrors errors)
    {
        if (row.Corrects is null) return;
        // A row of someone outside the sender's scope is as unknown as no row at all.
        if (!known.TryGetValue(row.Corrects, out var original) || !inScope(original.EmployeeId))
            errors.Add("corrects", $"no earlier row has sourceId '{row.Corrects}'");
        else if (original.Feed is not null && original.Feed != feed.UserId && !byHr)
            errors.Add("corrects", $"'{row.Corrects}' was sent by another feed: only that feed, or HR, may correct it");
        else if (original.EmployeeId != row.EmployeeId || original.Date != row.Date)
            errors.Add("corrects", $"'{row.Corrects}' is another employee's or another day's row; a correction must keep employee and date");
    }
}
