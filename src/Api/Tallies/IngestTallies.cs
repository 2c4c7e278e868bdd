using System.Security.Claims;
using System.Text.Json;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using EventHr.Domain.Tallies;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Tallies;

public sealed record RejectedRow(int Index, string? SourceId, IReadOnlyDictionary<string, string[]> Errors);

public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<RejectedRow> Rejected);

public static class IngestTallies
{
    /// <summary>
    /// Takes a batch of 1–10,000 daily tally rows. Rows seen before (by sourceId) are duplicates and
    /// change nothing; a bad row is rejected alone; the rest land in one transaction together with
    /// one <c>TalliesRecorded</c> event.
    /// </summary>
    [WolverinePost("/api/tallies", OperationId = "ingestTallies"), Authorize(Roles = Roles.Ingest)]
    [Tags("Tallies")]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, TallyLedger ledger,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        JsonDocument document;
        try { document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct); }
        catch (JsonException e) { return Problems.Invalid(new FieldErrors().Add("body", $"is not valid JSON: {e.Message}")); }
        using var _ = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array) return Problems.Invalid(new FieldErrors().Add("body", "must be a JSON array of rows"));
        var count = root.GetArrayLength();
        if (count is 0 or > TallyRules.MaxBatchRows)
            return Problems.Invalid(new FieldErrors().Add("body", $"a batch holds 1 to {TallyRules.MaxBatchRows:N0} rows; this one has {count:N0}"));

        var parsed = TallyBatchReader.Read(root);
        var now = clock.GetUtcNow();
        // No business date can lie beyond today in the time zone furthest ahead (UTC+14).
        var latestDate = DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));
        var employees = await LoadFactsAsync(session, parsed, ct);

        await session.BeginTransactionAsync(ct);
        var corrected = await ledger.FindAsync(session.Connection, parsed.Where(p => p.Row?.Corrects is not null)
            .Select(p => p.Row!.Corrects!).ToHashSet(), ct);

        var rejected = new List<RejectedRow>();
        var valid = new List<TallyRow>(parsed.Count);
        foreach (var p in parsed)
        {
            var errors = p.Errors;
            if (p.Row is not null)
            {
                errors = TallyRules.Check(p.Row, employees.GetValueOrDefault(p.Row.EmployeeId), latestDate);
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
        if (valid.Count > 0)
        {
            var batchId = Guid.CreateVersion7();
            var inserted = await ledger.InsertNewAsync(session.Connection, valid, batchId, now, ct);
            accepted = valid.Where(r => inserted.Remove(r.SourceId)).ToList();
            if (accepted.Count > 0)
            {
                var actor = user.ActorFor(Roles.Integration, Roles.Hr, Roles.Admin);
                session.Events.StartStream(StreamKeys.TallyBatch(batchId),
                    new TalliesRecorded(batchId, accepted, valid.Count - accepted.Count, actor.UserId, now));
            }
        }
        await session.SaveChangesAsync(ct);
        return Results.Ok(new IngestResult(accepted.Count, valid.Count - accepted.Count, rejected));
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

    private static async Task<Dictionary<string, TallyRules.EmployeeFacts>> LoadFactsAsync(IQuerySession session,
        List<TallyBatchReader.ParsedRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.Row is not null).Select(r => r.Row!.EmployeeId).Distinct().ToArray();
        var facts = await session.Query<Employee>().Where(x => x.EmployeeId.IsOneOf(ids))
            .Select(x => new { x.EmployeeId, x.HiredOn }).ToListAsync(ct);
        return facts.ToDictionary(f => f.EmployeeId, f => new TallyRules.EmployeeFacts(f.HiredOn));
    }
}
