using EventHr.Domain.Common;
using EventHr.Domain.Kpi;

namespace EventHr.Domain.Cases.Remedies;

public sealed record AssignTraining(string? Course, DateOnly? ScheduledOn, string? Metric);

public sealed record CompleteTraining(DateOnly? CompletedOn);

/// <summary>培训: support during a plan, or the remedy after finding #1 when mapped to a failing metric (G5).</summary>
public static class Trainings
{
    public static FieldErrors Validate(AssignTraining cmd)
    {
        var errors = new FieldErrors();
        errors.RequireText(cmd.Course, "course", 300);
        errors.Require(cmd.ScheduledOn is not null, "scheduledOn", "is required (yyyy-MM-dd)");
        if (cmd.Metric is not null && !Metrics.IsKnown(cmd.Metric)) errors.Add("metric", "is not a known metric");
        return errors;
    }

    /// <summary>
    /// A training names the metric it is for; one without a metric is support only and never the art. 40(2) remedy
    /// (nothing is mapped for HR: a course in manners does not cure low orders). It is scheduled from today.
    /// </summary>
    public static Result<TrainingAssigned> Assign(PerformanceCase c, AssignTraining cmd, DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "assigning training");
        if (cmd.ScheduledOn < today)
            return Result<TrainingAssigned>.Invalid(new FieldErrors().Add("scheduledOn", $"must not be before today ({today:yyyy-MM-dd})"));
        return Result<TrainingAssigned>.Ok(new TrainingAssigned(c.CaseId, c.Trainings.Count + 1, cmd.Course!.Trim(), cmd.Metric,
            cmd.ScheduledOn!.Value, actor.UserId, now));
    }

    public static Result<TrainingCompleted> Complete(PerformanceCase c, int number, CompleteTraining cmd, DateOnly today, Actor actor,
        DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "recording a training");
        var training = c.Trainings.FirstOrDefault(t => t.Number == number);
        if (training is null) return Result<TrainingCompleted>.NotFound($"case {c.CaseId} has no training {number}");
        if (training.CompletedOn is not null) return Result<TrainingCompleted>.Conflict($"training {number} was already completed on {training.CompletedOn:yyyy-MM-dd}");
        var on = cmd.CompletedOn ?? today;
        // G12: completion lies between the training's scheduled date and today.
        if (on < training.ScheduledOn)
            return Result<TrainingCompleted>.Invalid(new FieldErrors().Add("completedOn", $"is before the scheduled date {training.ScheduledOn:yyyy-MM-dd}"));
        if (on > today)
            return Result<TrainingCompleted>.Invalid(new FieldErrors().Add("completedOn", $"must not be after today ({today:yyyy-MM-dd})"));
        return Result<TrainingCompleted>.Ok(new TrainingCompleted(c.CaseId, number, on, actor.UserId, now));
    }
}
