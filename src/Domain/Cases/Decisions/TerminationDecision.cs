using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Cases.Decisions;

public static class TerminationDecision
{
    /// <summary>
    /// Art. 40(2) termination: refused (422) unless findings #1 and #2 stand with a remedy between them,
    /// no art. 42 protection covers the notice date, and the union was told first. The answer carries
    /// the notice's effective date or the pay in lieu, and the severance arithmetic (G8, G9).
    /// </summary>
    public static Result<EmploymentTerminated> Terminate(PerformanceCase c, Employee employee, DecideCase d, LawSettings law,
        DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "a termination");
        // Someone who has already left (a resignation recorded meanwhile) cannot be dismissed as well:
        // a second ending would move the separation and misstate the turnover.
        if (employee.EndedOn is { } ended)
            return Result<EmploymentTerminated>.Conflict($"{employee.EmployeeId}'s employment already ended on {ended:yyyy-MM-dd}");
        var served = d.ServedOn ?? today;
        var elements = Art40Termination.Elements(c, employee, new Art40Termination.Notice(served, d.UnionNotifiedOn, d.NoticeKind));
        if (CaseRefusals.Legal(elements, "an art. 40(2) termination needs every precondition in the history") is { } refusal) return refusal;

        var inLieu = d.NoticeKind == "pay-in-lieu";
        var effective = inLieu ? served : served.AddDays(law.NoticeDays);
        var payInLieu = inLieu ? employee.MonthlySalaryOn(served) : 0m;
        var severance = Severance.Calculate(employee, effective, law);
        var findings = c.Findings.Select(f => $"case:{c.CaseId}#finding-{f.Number}").ToList();
        return Result<EmploymentTerminated>.Ok(new EmploymentTerminated(c.CaseId, employee.EmployeeId, d.Reason!, d.UnionNotifiedOn!.Value,
            served, d.NoticeKind!, effective, payInLieu, severance, findings, actor.UserId, now));
    }
}
