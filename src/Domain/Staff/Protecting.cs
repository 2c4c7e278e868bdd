using EventHr.Domain.Common;

namespace EventHr.Domain.Staff;

public sealed record RecordProtection(string? Kind, DateOnly? From, DateOnly? To);

public static class Protecting
{
    public static FieldErrors Validate(RecordProtection cmd)
    {
        var errors = new FieldErrors();
        if (!ProtectionKinds.IsRecordable(cmd.Kind))
            errors.Add("kind", cmd.Kind == ProtectionKinds.LongServiceNearRetirement
                ? "is computed from the birth date, gender and service (record those with the employment facts)"
                : $"must be one of {string.Join(", ", ProtectionKinds.All.Keys.Where(ProtectionKinds.IsRecordable))}");
        errors.Require(cmd.From is not null, "from", "is required (yyyy-MM-dd)");
        if (cmd.From is not null && cmd.To is not null) errors.Require(cmd.To >= cmd.From, "to", "must not be before from");
        return errors;
    }

    /// <summary>A status that began before the hire is recorded from the hire date (the employment it protects).</summary>
    /// <summary>
    /// Art. 42 (notice under art. 40) and art. 45 (a contract's end): a status beginning on or before the end already
    /// notified postpones that end until the status ends. Other endings (a resignation, an agreement, art. 39) stand.
    /// </summary>
    public static EmploymentEndPostponed? Postponement(Employee employee, ProtectionRecorded p)
    {
        // The status an end waits for is recorded again with its last day: the employment ends with it.
        if (employee.EndAwaitsStatus is { } waiting && p.Kind == waiting.Kind && p.To is { } last)
            return waiting with { StatusTo = last, NewEndOn = last > waiting.PreviousEndOn ? last : waiting.PreviousEndOn,
                RecordedBy = p.RecordedBy, RecordedAt = p.RecordedAt };
        if (employee.EndedOn is not { } end || employee.EndedBy is not ("termination-art40-2" or "contract-end") || p.From > end) return null;
        if (p.To is { } to && to < end) return null;   // over before the end: nothing to postpone (a status on the service day refused the notice)
        return new EmploymentEndPostponed(employee.EmployeeId, p.Kind, p.From, p.To, end, p.To, p.RecordedBy, p.RecordedAt);
    }

    /// <remarks>Pregnancy, maternity and nursing are refused for an employee recorded as a man (a typo, or the wrong person).</remarks>
    public static Result<ProtectionRecorded> Decide(Employee employee, RecordProtection cmd, Actor actor, DateTimeOffset now)
    {
        if (employee.BeforeHire(cmd.From!.Value, "from") is { } early) return Result<ProtectionRecorded>.Invalid(early);
        if (employee.Facts.Gender == Law.Retirement.Gender.Male && ProtectionKinds.NoPayCut.Contains(cmd.Kind))
            return Result<ProtectionRecorded>.Invalid(new FieldErrors().Add("kind", $"{cmd.Kind} applies to women; {employee.EmployeeId} is recorded as a man"));
        return Result<ProtectionRecorded>.Ok(new(employee.EmployeeId, cmd.Kind!, cmd.From!.Value, cmd.To, actor.UserId, now));
    }
}
