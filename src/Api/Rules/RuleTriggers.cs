using EventHr.Projections.Standards;
using EventHr.Api.Cases;
using EventHr.Projections.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;
using EventHr.Domain.Standards;
using EventHr.Domain.Tallies;
using EventHr.Projections.Staff;
using Marten;
using Npgsql;

namespace EventHr.Api.Rules;

/// <summary>One employee's newest tallied day in a batch, for the rule engine to evaluate.</summary>
public sealed record EmployeeDay(string EmployeeId, DateOnly Date);

/// <summary>
/// Picks, inside the ingest transaction, the employees of a batch that the rules must evaluate, so
/// the message the batch sends names only them and the rule engine reads no one else's history.
/// </summary>
public sealed class RuleTriggers(OpenCaseIndex openCases, CaseSettings settings)
{
    public async Task<List<EmployeeDay>> Select(IDocumentSession session, IReadOnlyList<TallyRow> accepted,
        IReadOnlyDictionary<string, EmployeeFacts.Entry> current, CancellationToken ct)
    {
        // Each employee-day of the batch (a catch-up feed may hold several days of one employee).
        var days = accepted.GroupBy(r => (r.EmployeeId, r.Date)).OrderBy(g => g.Key.Date)
            .Select(g => (g.Key.EmployeeId, g.Key.Date, Metrics: RawMetrics.Combine(g.Select(r => r.Metrics).ToList()))).ToList();
        var ids = days.Select(d => d.EmployeeId).Distinct().ToArray();
        var open = await openCases.ForAsync((NpgsqlConnection)session.Connection, ids, ct);
        // Thresholds are worked out once per brand × post × day, not per row.
        var filters = new Dictionary<(string Brand, string Post, DateOnly Date), LowRowFilter>();
        var standards = await StandardLookup.LoadAsync(session, current.Values.Select(e => (e.BrandId, e.PostId)), ct);
        var selected = new List<EmployeeDay>();
        foreach (var (id, date, metrics) in days)
        {
            if (!current.TryGetValue(id, out var p) || p.EndedOn is not null) continue;
            var rules = settings.RulesFor(p.BrandId, p.PostId);
            var openCase = open.TryGetValue(id, out var c) ? new RuleCandidates.OpenCase(c.PlanActive, c.PlanUntil, c.LastBreachOn) : null;
            LowRowFilter Filter()
            {
                if (filters.TryGetValue((p.BrandId, p.PostId, date), out var filter)) return filter;
                var standard = standards.GetValueOrDefault((p.BrandId, p.PostId));
                return filters[(p.BrandId, p.PostId, date)] = LowRowFilter.For(standard?.InForceOn(date), rules);
            }
            if (!RuleCandidates.NeedsEvaluation(metrics, date, Filter, rules, openCase)) continue;
            selected.Add(new EmployeeDay(id, date));
        }
        return selected;
    }
}
