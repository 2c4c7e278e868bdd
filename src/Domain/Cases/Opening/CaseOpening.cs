using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Cases.Opening;

/// <summary>What a breach of the early-warning rule does: open a case (once) or attach to the open one.</summary>
public static class CaseOpening
{
    /// <summary>Case ids count per employee ("E1001-1", "E1001-2"): readable, and two racing openers collide on the same id.</summary>
    public static string CaseIdFor(string employeeId, int sequence) => $"{employeeId}-{sequence}";

    public static IReadOnlyList<object> Open(string caseId, Employee employee, IReadOnlyList<Breach> breaches,
        IReadOnlyList<DayFigures> window, PipDrafting.PeerReference peers, RuleSettings settings, DateTimeOffset now)
    {
        var triggeredOn = breaches.Max(b => b.Dates[^1]);
        var recipients = new[] { employee.HrId, employee.ManagerId }.Distinct().ToList();
        var summary = string.Join("; ", breaches.Select(b =>
            $"{b.Metric} {string.Join("/", b.Values.Select(v => v.ToString("0.##")))} vs target {b.Target.Target:0.##} (below {b.Threshold:0.##})"));
        return
        [
            new PerformanceCaseOpened(caseId, employee.EmployeeId, employee.BrandId, employee.PostOn(triggeredOn), employee.Department,
                employee.ManagerId, employee.HrId, triggeredOn, breaches, now),
            new WarningRaised(caseId, employee.EmployeeId, recipients,
                $"绩效预警 Performance warning: {employee.Name} ({employee.EmployeeId}) {breaches[0].Dates.Count} consecutive low days to {triggeredOn:yyyy-MM-dd}: {summary}",
                triggeredOn, now),
            PipDrafting.Draft(caseId, breaches, window, peers, settings, triggeredOn, now)
        ];
    }

    /// <summary>
    /// A new pattern (a low run that began after the last recorded breach, so after a recovery)
    /// attaches to the open case; a low spell that simply continues is already on record.
    /// </summary>
    public static BreachAttached? Attach(PerformanceCase open, IReadOnlyList<Breach> breaches, DateTimeOffset now)
    {
        var fresh = breaches.Where(b => b.LowSince > open.LastBreachOn).ToList();
        return fresh.Count == 0 ? null : new BreachAttached(open.CaseId, fresh.Max(b => b.Dates[^1]), fresh, now);
    }
}
