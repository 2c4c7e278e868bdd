using EventHr.Domain.Common;

namespace EventHr.Domain.Staff;

public sealed record RecordProtection(string? Kind, DateOnly? From, DateOnly? To);

public static class Protecting
{
    public static FieldErrors Validate(RecordProtection cmd)
    {
        var errors = new FieldErrors();
        if (!ProtectionKinds.IsKnown(cmd.Kind))
            errors.Add("kind", $"must be one of {string.Join(", ", ProtectionKinds.All.Keys)}");
        errors.Require(cmd.From is not null, "from", "is required (yyyy-MM-dd)");
        if (cmd.From is not null && cmd.To is not null) errors.Require(cmd.To >= cmd.From, "to", "must not be before from");
        return errors;
    }

    /// <summary>A status that began before the hire is recorded from the hire date (the employment it protects).</summary>
    public static Result<ProtectionRecorded> Decide(Employee employee, RecordProtection cmd, Actor actor, DateTimeOffset now) =>
        employee.BeforeHire(cmd.From!.Value, "from") is { } early
            ? Result<ProtectionRecorded>.Invalid(early)
            : Result<ProtectionRecorded>.Ok(new(employee.EmployeeId, cmd.Kind!, cmd.From!.Value, cmd.To, actor.UserId, now));
}
