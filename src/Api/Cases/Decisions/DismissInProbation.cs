using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using Marten;
using Npgsql;

namespace EventHr.Api.Cases.Decisions;

/// <summary>The days of the period a dismissal in probation rests on, as tallied (corrections applied, shops combined).</summary>
public sealed record ProbationPeriod(IReadOnlyList<DayFigures> Days)
{
    public static readonly ProbationPeriod None = new([]);

    public static async Task<ProbationPeriod> LoadAsync(Employee employee, DateOnly from, DateOnly until, IDocumentSession session,
        Projections.Tallies.TallyLedger ledger, CancellationToken ct)
    {
        if (until < from || until.DayNumber - from.DayNumber > 366) return None;   // refused by validation; nothing to read
        var rows = await ledger.InForceAsync((NpgsqlConnection)session.Connection!, employee.EmployeeId, from, until, ct);
        return new ProbationPeriod(rows.GroupBy(r => r.Date)
            .Select(g => DayFigures.Of(g.Key, RawMetrics.Combine(g.Select(r => r.Metrics).ToList()), employee.MonthlySalaryOn(g.Key))).ToList());
    }
}

/// <summary>试用期解除 under art. 39(1): only within probation, on a communicated hiring condition the tallies show missed (G15).</summary>
public static class DismissInProbation
{
    public static Result<Decided> Decide(CaseDecision d, ProbationPeriod period) =>
        Decided.From(ProbationDecision.Dismiss(d.Case, d.Subject.Employee, d.Body, period.Days,
            d.Settings.RulesFor(d.Subject.Employee.BrandId, d.Subject.Employee.PostId).MinTalliedDays, d.Today, d.Actor, d.Now));
}
