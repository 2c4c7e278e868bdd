using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Cases.Decisions;

public static class TerminationDecision
{
    /// <summary>
    /// Art. 40(2) termination: refused (422) unless findings #1 and #2 stand with a remedy between them,
    /// no art. 42 protection covers any day of the notice (G6), and the union was told first. The answer carries
    /// the effective date (the last day of employment), the pay in lieu (the previous month's wage, Regs art. 20)
    /// and the severance arithmetic with the figures it used (G8, G9); a figure it needs and lacks refuses it.
    /// </summary>
    public static Result<EmploymentTerminated> Terminate(PerformanceCase c, Employee employee, DecideCase d, LawInForce law,
        DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "a termination");
        // Someone who has already left (a resignation recorded meanwhile) cannot be dismissed as well:
        // a second ending would move the separation and misstate the turnover.
        if (employee.EndedOn is { } ended)
            return Result<EmploymentTerminated>.Conflict($"{employee.EmployeeId}'s employment already ended on {ended:yyyy-MM-dd}");
        var served = d.ServedOn ?? today;
        if (served > today) return Result<EmploymentTerminated>.Invalid(new FieldErrors().Add("servedOn", $"must not be after today ({today:yyyy-MM-dd}): record a notice once it is served"));
        var inLieu = d.NoticeKind == "pay-in-lieu";
        var effective = inLieu ? served : served.AddDays(law.Settings.NoticeDays);
        var elements = Art40Termination.Elements(c, employee, new Art40Termination.Notice(served, d.UnionToldOn, d.NoticeKind, effective, d.Delivery),
            law.Settings);
        if (CaseRefusals.Legal(elements, "an art. 40(2) termination needs every precondition in the history") is { } refusal) return refusal;

        var severance = law.SeveranceOf(employee, effective);
        if (severance.Calculation is null) return severance.Refusal("the severance (art. 47)");
        var payInLieu = inLieu ? law.PayInLieuOf(employee, served).Amount : 0m;
        var findings = c.Findings.Select(f => $"case:{c.CaseId}#finding-{f.Number}").ToList();
        var union = d.Union ?? new UnionConsultation(d.UnionNotifiedOn, d.Reason);
        // A status beginning during the notice postpones the end until it ends (art. 42); the answer says so.
        var postponedBy = Art40Termination.PostponedBy(employee, served, effective);
        return Result<EmploymentTerminated>.Ok(new EmploymentTerminated(c.CaseId, employee.EmployeeId, d.Reason!, d.UnionToldOn!.Value,
            served, d.NoticeKind!, effective, payInLieu, severance.Calculation, findings, actor.UserId, now, d.Delivery, union, postponedBy));
    }
}
