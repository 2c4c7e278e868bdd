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

    /// <summary>Without a named metric the training is mapped to the first failing metric of the case.</summary>
    public static Result<TrainingAssigned> Assign(PerformanceCase c, AssignTraining cmd, Actor actor, DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "assigning training");
        var metric = cmd.Metric ?? c.Findings.LastOrDefault()?.FailedMetrics.FirstOrDefault() ?? c.FailingMetrics.FirstOrDefault();
        return Result<TrainingAssigned>.Ok(new TrainingAssigned(c.CaseId, c.Trainings.Count + 1, cmd.Course!.Trim(), metric,
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
        if (on < training.ScheduledOn)
            return Result<TrainingCompleted>.Invalid(new FieldErrors().Add("completedOn", $"is before the scheduled date {training.ScheduledOn:yyyy-MM-dd}"));
        return Result<TrainingCompleted>.Ok(new TrainingCompleted(c.CaseId, number, on, actor.UserId, now));
    }
}
