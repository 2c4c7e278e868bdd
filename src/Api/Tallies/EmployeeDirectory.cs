using System.Collections.Concurrent;
using EventHr.Domain.Staff;
using EventHr.Domain.Tallies;
using Marten;

namespace EventHr.Api.Tallies;

/// <summary>
/// The facts every tally row is checked against (the employee exists, and was hired by the row's
/// date). They never change once recorded, so each API node keeps those it has seen and asks the
/// store only for ids it has not: a daily feed of 2,000 rows then costs no lookup at all.
/// </summary>
public sealed class EmployeeDirectory
{
    private readonly ConcurrentDictionary<string, TallyRules.EmployeeFacts> _known = new();

    public async Task<IReadOnlyDictionary<string, TallyRules.EmployeeFacts>> FactsFor(IQuerySession session,
        IEnumerable<string> employeeIds, CancellationToken ct)
    {
        var result = new Dictionary<string, TallyRules.EmployeeFacts>();
        var missing = new List<string>();
        foreach (var id in employeeIds.Distinct())
        {
            if (_known.TryGetValue(id, out var facts)) result[id] = facts;
            else missing.Add(id);
        }
        if (missing.Count == 0) return result;

        var found = await session.Query<Employee>().Where(x => x.EmployeeId.IsOneOf(missing))
            .Select(x => new { x.EmployeeId, x.HiredOn }).ToListAsync(ct);
        foreach (var f in found) result[f.EmployeeId] = _known[f.EmployeeId] = new TallyRules.EmployeeFacts(f.HiredOn);
        return result;
    }
}
