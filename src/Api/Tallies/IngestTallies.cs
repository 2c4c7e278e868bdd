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
        EmployeeFacts employeeFacts, RuleTriggers triggers, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
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
        var facts = await employeeFacts.ForAsync(conn, parsed.Where(p => p.Row is not null).Select(p => p.Row!.EmployeeId).Distinct().ToList(), ct);
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
                CheckCorrection(p.Row, corrected, errors);
            }
            if (errors.IsEmpty)
            {
                valid.Add(p.Row!);
                corrected.TryAdd(p.Row!.SourceId, (p.Row.EmployeeId, p.Row.Date));
            }
            else rejected.Add(new RejectedRow(p.Index, p.SourceId, errors.ToDictionary()));
        }

        var accepted = new List<TallyRow>();
        var messages = new OutgoingMessages();
        if (valid.Count > 0)
        {
            var batchId = Guid.CreateVersion7();
            var inserted = await ledger.InsertNewAsync(conn, valid, batchId, now, ct);
            accepted = valid.Where(r => inserted.Remove(r.SourceId)).ToList();
            if (accepted.Count > 0)
            {
                var actor = user.ActorFor(Roles.Integration, Roles.Hr, Roles.Admin);
                session.Events.StartStream(StreamKeys.TallyBatch(batchId),
                    new TalliesRecorded(batchId, accepted, valid.Count - accepted.Count, actor.UserId, now));
                var evaluate = await triggers.Select(session, accepted, facts, ct);
                if (evaluate.Count > 0) messages.Add(new TallyBatchLanded(batchId, evaluate));
            }
        }
        return (Results.Ok(new IngestResult(accepted.Count, valid.Count - accepted.Count, rejected)), messages);
    }

    /// <summary>A correction must point at a known row of the same employee and day.</summary>
    private static void CheckCorrection(TallyRow row, Dictionary<string, (string EmployeeId, DateOnly Date)> known, FieldErrors errors)
    {
        if (row.Corrects is null) return;
        if (!known.TryGetValue(row.Corrects, out var original))
            errors.Add("corrects", $"no earlier row has sourceId '{row.Corrects}'");
        else if (original.EmployeeId != row.EmployeeId || original.Date != row.Date)
            errors.Add("corrects", $"'{row.Corrects}' is {original.EmployeeId} on {original.Date:yyyy-MM-dd}; a correction must keep employee and date");
    }
}
