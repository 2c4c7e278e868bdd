using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Law;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Cases.Plans;

public sealed record SetPip(IReadOnlyDictionary<string, decimal>? Targets, DateOnly? From, DateOnly? Until, IReadOnlyList<string>? Support);

public sealed record AcknowledgePip(string? Witness);

public static class PlanDecisions
{
    public static FieldErrors Validate(SetPip cmd)
    {
        var errors = new FieldErrors();
        if (cmd.Targets is null || cmd.Targets.Count == 0) errors.Add("targets", "a plan needs at least one target");
        foreach (var (metric, target) in cmd.Targets ?? new Dictionary<string, decimal>())
        {
            if (!Metrics.IsKnown(metric)) errors.Add($"targets.{metric}", "is not a known metric");
            else if (target < 0) errors.Add($"targets.{metric}", "must not be negative");
        }
        errors.Require(cmd.From is not null, "from", "is required (yyyy-MM-dd)");
        errors.Require(cmd.Until is not null, "until", "is required (yyyy-MM-dd)");
        if (cmd.From is not null && cmd.Until is not null) errors.Require(cmd.Until >= cmd.From, "until", "must not be before from");
        errors.RequireList(cmd.Support, "support", 20, 500);
        if (cmd.Targets is { Count: > 20 }) errors.Add("targets", "a plan has at most 20 targets");
        return errors;
    }

    /// <summary>
    /// Accepting or amending the drafted plan (assessment 1), or setting the second assessment after a
    /// remedy (G5). Directions come from the standard of the post the employee holds at the period start.
    /// </summary>
    public const string DatesGuard = "g12-plan-dates";
    public const string TargetsGuard = "g13-plan-targets";

    public static Result<PipSet> Set(PerformanceCase c, Employee employee, Standard? standard, SetPip cmd, LawSettings law, DateOnly today,
        Actor actor, DateTimeOffset now)
    {
        int assessment;
        if (c.Status == CaseStatus.PlanPending) assessment = c.Plan?.Assessment ?? 1;
        else if (c.Status == CaseStatus.RemedyRequired)
        {
            var first = c.Findings.Single(f => f.Number == 1);
            if (Art40Termination.RemedyAfter(c, first) is null)
                return new Refusal(RefusalKind.LegalGuard, "a second assessment needs training or a reassignment after finding #1 (G5)",
                    Art40Termination.Remedy, ["remedy"]);
            assessment = 2;
        }
        else return CaseRefusals.WrongState(c, "setting a plan");

        var from = cmd.From!.Value;
        var version = standard?.InForceOn(from);
        if (Dates(c, cmd, law, today, assessment) is { } dates) return dates;
        if (Targets(cmd, version) is { } targetsRefused) return targetsRefused;
        var targets = new Dictionary<string, PipTarget>();
        foreach (var (metric, target) in cmd.Targets!)
        {
            var direction = version?.Metrics.GetValueOrDefault(metric)?.Direction
                ?? c.Plan?.Targets.GetValueOrDefault(metric)?.Direction ?? TargetDirection.AtLeast;
            targets[metric] = new PipTarget(target, direction);
        }
        var support = cmd.Support is { Count: > 0 }
            ? cmd.Support.Select(s => new SupportMeasure("", "custom", s)).ToList()
            : c.Plan?.Support ?? [];
        var baseline = assessment == c.Plan?.Assessment ? c.Plan.Baseline : LastPeriodAverages(c);
        return Result<PipSet>.Ok(new PipSet(c.CaseId, assessment, targets, from, cmd.Until!.Value, support, baseline,
            employee.BrandId, employee.PostOn(from), version?.Version ?? 0, actor.UserId, now));
    }

    /// <summary>
    /// G12: the period starts today or later (it runs only once acknowledged), lasts the minimum, and a second one starts
    /// after the first ended and once the remedy is in effect — its days are new days, under the post then held.
    /// </summary>
    private static Refusal? Dates(PerformanceCase c, SetPip cmd, LawSettings law, DateOnly today, int assessment)
    {
        var (from, until) = (cmd.From!.Value, cmd.Until!.Value);
        if (from < today)
            return new Refusal(RefusalKind.Invalid, "a plan period starts once the plan is acknowledged",
                Errors: new FieldErrors().Add("from", $"must not be before today ({today:yyyy-MM-dd})"));
        if (until.DayNumber - from.DayNumber + 1 < law.MinPlanDays)
            return new Refusal(RefusalKind.LegalGuard, $"a plan period lasts at least {law.MinPlanDays} days, a fair trial of the targets",
                DatesGuard, ["plan-length"]);
        if (assessment != 2) return null;
        var first = c.Findings.Single(f => f.Number == 1);
        var missing = new List<string>();
        if (c.Plan is { } earlier && earlier.Assessment == 1 && from <= earlier.Until) missing.Add("after-first-plan");
        if (Art40Termination.RemedyInEffectFrom(c, first) is { } inEffect && from < inEffect) missing.Add("after-remedy");
        return missing.Count == 0 ? null
            : new Refusal(RefusalKind.LegalGuard,
                "the second period starts after the first ended and once the remedy is in effect (its days may not be the first plan's)",
                DatesGuard, missing);
    }

    /// <summary>
    /// G13: a target is no stricter than the acknowledged standard, names a metric the standard sets, and is never the
    /// salary-cost ratio (it measures the employee's own pay, not competence).
    /// </summary>
    private static Refusal? Targets(SetPip cmd, StandardVersion? version)
    {
        var refused = new List<string>();
        foreach (var (metric, target) in cmd.Targets!)
        {
            var standard = version?.Metrics.GetValueOrDefault(metric);
            if (metric == Metrics.SalaryCostRatio || standard is null) refused.Add($"targets.{metric}");
            else if (standard.Direction == TargetDirection.AtLeast ? target > standard.Target : target < standard.Target) refused.Add($"targets.{metric}");
        }
        return refused.Count == 0 ? null
            : new Refusal(RefusalKind.LegalGuard,
                "a plan's targets are those of the acknowledged standard or milder, and never the salary-cost ratio", TargetsGuard, refused);
    }

    /// <summary>
    /// The plan takes effect. G1: the standard in force at the period start must have been published
    /// before it and acknowledged by the employee; otherwise a failed period could not be a finding.
    /// </summary>
    public static Result<PipAcknowledged> Acknowledge(PerformanceCase c, Employee employee, Standard? standard, AcknowledgePip cmd,
        bool bySelf, DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (c.Status != CaseStatus.PlanPending || c.Plan is null) return CaseRefusals.WrongState(c, "acknowledging the plan");
        // G12: a day before the acknowledgement cannot count, the employee did not know the targets then.
        if (today > c.Plan.From)
            return new Refusal(RefusalKind.LegalGuard, $"the plan's period began on {c.Plan.From:yyyy-MM-dd}, before this acknowledgement: set it again from today or later",
                DatesGuard, ["plan-start"]);
        if (!bySelf && string.IsNullOrWhiteSpace(cmd.Witness))
            return Result<PipAcknowledged>.Invalid(new FieldErrors().Add("witness",
                "HR records an acknowledgement for the employee only as a witnessed refusal; name the witness"));
        var postId = employee.PostOn(c.Plan.From);
        var element = StandardProvenance.Check(employee, standard, employee.BrandId, postId, c.Plan.From);
        if (CaseRefusals.Legal([element], element.Note ?? element.Label) is { } refusal) return refusal;
        return Result<PipAcknowledged>.Ok(new PipAcknowledged(c.CaseId, c.Plan.Assessment, employee.BrandId, postId,
            StandardProvenance.VersionFor(standard, c.Plan.From)!.Value, bySelf ? "self" : "witnessed-refusal", cmd.Witness,
            actor.UserId, now));
    }

    private static IReadOnlyDictionary<string, decimal> LastPeriodAverages(PerformanceCase c) =>
        c.Assessments.LastOrDefault()?.Results.Where(r => r.PeriodAverage is not null)
            .ToDictionary(r => r.Metric, r => r.PeriodAverage!.Value) ?? new Dictionary<string, decimal>();
}
