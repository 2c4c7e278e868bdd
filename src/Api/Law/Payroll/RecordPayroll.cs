using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Api.Tallies;
using EventHr.Domain.Common;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Law.Payroll;

/// <summary>The body of POST /api/payroll: a JSON array of rows (a named type, so that Wolverine reads it as the body, not as services).</summary>
public sealed class PayrollBatch : List<PayrollRowInput>;

public static class RecordPayrollEndpoint
{
    public const int MaxRows = 10_000;

    /// <summary>
    /// Takes payroll's wages due (base, bonus, allowances) per employee-month, answered like tallies: a row seen before
    /// (by sourceId) is a duplicate, a bad row is rejected alone, the rest are recorded as events on each employee's
    /// payroll stream. A later row for a month already recorded replaces it (a payroll correction). The severance base
    /// and pay in lieu are computed from these. Salary data: HR of the employees' brands and admin only.
    /// </summary>
    [WolverinePost("/api/payroll", OperationId = "recordPayroll"), Authorize(Roles = Roles.MasterData), Tags("Employment law")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Ingest), Microsoft.AspNetCore.Mvc.ProducesResponseType<IngestResult>(200)]
    public static async Task<IResult> Post(PayrollBatch body, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        if (body.Count is 0 or > MaxRows) return Problems.Invalid(new FieldErrors().Add("body", $"a batch holds 1 to {MaxRows:N0} rows"));
        var scope = user.Scope();
        var ids = body.Select(r => r.EmployeeId).OfType<string>().Distinct().ToList();
        var employees = (await session.LoadManyAsync<Employee>(ct, ids.Select(StreamKeys.Employee)))
            .Where(e => scope.ManagesStaffOf(e.BrandId)).ToDictionary(e => e.EmployeeId);
        var records = (await session.LoadManyAsync<PayrollRecord>(ct, employees.Keys.Select(PayrollRecord.StreamKey))).ToDictionary(r => r.EmployeeId);
        var actor = user.ActorFor(Roles.Hr, Roles.Admin);
        var now = clock.GetUtcNow();

        var (accepted, duplicates, rejected) = (0, 0, new List<RejectedRow>());
        var seen = new HashSet<string>();
        for (var i = 0; i < body.Count; i++)
        {
            var row = body[i];
            var why = PayrollRows.Refusal(row);
            Employee? employee = null;
            if (why is null && !employees.TryGetValue(row.EmployeeId!, out employee)) why = $"unknown employee '{row.EmployeeId}'";
            var month = PayrollRows.ParseMonth(row.Month);
            if (why is null && month!.Value.AddMonths(1).AddDays(-1) < employee!.HiredOn)
                why = $"month {row.Month} is before the hire date {employee.HiredOn:yyyy-MM-dd}";
            if (why is null && employee!.EndedOn is { } ended && month!.Value > ended) why = $"month {row.Month} is after the employment ended ({ended:yyyy-MM-dd})";
            if (why is not null)
            {
                rejected.Add(new RejectedRow(i, row.SourceId, new Dictionary<string, string[]> { ["row"] = [why] }));
                continue;
            }
            var due = new WageDue(row.EmployeeId!, month!.Value.Year, month.Value.Month, row.Base!.Value, row.Bonus ?? 0m, row.Allowances ?? 0m);
            var record = records.GetValueOrDefault(row.EmployeeId!);
            if (!seen.Add(row.SourceId!))
            {
                duplicates++;   // the same row twice in one batch
                continue;
            }
            if (record?.SourceIds.Contains(row.SourceId!) == true)
            {
                // The same sourceId again is the same row again; with other figures it is a mistake, not a correction.
                if (record.Months.Contains(due)) duplicates++;
                else rejected.Add(new RejectedRow(i, row.SourceId, new Dictionary<string, string[]>
                    { ["sourceId"] = ["was already used for other figures: send a correction under a sourceId of its own"] }));
                continue;
            }
            session.Events.Append(PayrollRecord.StreamKey(due.EmployeeId),
                new WagesDueRecorded(due.EmployeeId, due.Year, due.Month, due.Base, due.Bonus, due.Allowances, row.SourceId!, actor.UserId, now));
            accepted++;
        }
        return Results.Ok(new IngestResult(accepted, duplicates, rejected));
    }
}
