using EventHr.Domain.Common;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Staff;

public sealed record AcknowledgeStandard(string? BrandId, string? PostId, int? StandardVersion);

public static class Acknowledging
{
    public static FieldErrors Validate(AcknowledgeStandard cmd)
    {
        var errors = new FieldErrors();
        Ids.Require(errors, cmd.BrandId, "brandId");
        Ids.Require(errors, cmd.PostId, "postId");
        if (cmd.StandardVersion is null) errors.Add("standardVersion", "is required");
        else errors.Require(cmd.StandardVersion >= 1, "standardVersion", "must be 1 or more");
        return errors;
    }

    /// <summary>An employee acknowledges a version once; the version must exist.</summary>
    public static Result<StandardAcknowledged> Decide(Employee employee, Standard? standard, AcknowledgeStandard cmd,
        bool bySelf, Actor actor, DateTimeOffset now, DateOnly? today = null)
    {
        var version = cmd.StandardVersion!.Value;
        if (standard?.Get(version) is null)
            return Result<StandardAcknowledged>.NotFound($"standard {cmd.BrandId}/{cmd.PostId} has no version {version}");
        if (employee.HasAcknowledged(cmd.BrandId!, cmd.PostId!, version))
            return Result<StandardAcknowledged>.Conflict($"{employee.EmployeeId} already acknowledged {cmd.BrandId}/{cmd.PostId} version {version}");
        return Result<StandardAcknowledged>.Ok(new StandardAcknowledged(employee.EmployeeId, cmd.BrandId!, cmd.PostId!, version,
            bySelf ? "self" : "paper", actor.UserId, now, today));
    }
}
