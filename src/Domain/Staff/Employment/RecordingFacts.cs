using EventHr.Domain.Common;
using EventHr.Domain.Law.Retirement;

namespace EventHr.Domain.Staff.Employment;

/// <summary>A hiring condition as sent.</summary>
/// <param name="Direction">atLeast (the default) or atMost, for a metric where less is better (response time)</param>
public sealed record HiringConditionInput(string? Metric, decimal? Target, string? Text, Standards.TargetDirection? Direction = null);

/// <summary>The employee confirmed the hiring conditions communicated at hire (art. 8: what the job requires is made known).</summary>
/// <param name="OnDay">the business day of the acknowledgement in the brand's zone</param>
public sealed record HiringConditionsAcknowledged(string EmployeeId, string Via, string RecordedBy, DateTimeOffset RecordedAt, DateOnly? OnDay = null);

/// <summary>The employment facts as sent, at hire or later (fields left out keep what was recorded).</summary>
/// <param name="City">the employer's city whose minimum and average wages apply (not the sales region)</param>
/// <param name="PriorServiceMonths">continuous service with affiliated employers before this hire (Regs art. 10)</param>
public sealed record EmploymentFactsInput(DateOnly? BirthDate, Gender? Gender, RetirementCategory? RetirementCategory, string? City,
    int? PriorServiceMonths, string? Kind, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ProbationUntil,
    IReadOnlyList<HiringConditionInput>? HiringConditions);

/// <summary>POST /api/employees/{id}/employment-facts: a correction or a renewed contract, with why.</summary>
public sealed record RecordEmploymentFacts(EmploymentFactsInput? Facts, string? Reason);

public static class RecordingFacts
{
    /// <summary>Merges what was sent over what stands, then checks the whole (art. 15 minimum age, art. 19 probation, G14 inputs).</summary>
    public static EmploymentFacts Merge(EmploymentFacts current, EmploymentFactsInput input, DateOnly hiredOn) => new(
        input.BirthDate ?? current.BirthDate,
        input.Gender ?? current.Gender,
        input.RetirementCategory ?? current.RetirementCategory,
        input.City?.Trim().ToLowerInvariant() ?? current.City,
        input.PriorServiceMonths ?? current.PriorServiceMonths,
        input.Kind ?? current.ContractKind,
        input.StartsOn ?? current.StartsOn ?? (input.Kind is not null ? hiredOn : null),
        input.EndsOn ?? current.EndsOn,
        input.ProbationUntil ?? current.ProbationUntil,
        input.HiringConditions?.Select(c => new HiringCondition(c.Metric, c.Target, c.Text!.Trim(), c.Direction ?? Standards.TargetDirection.AtLeast))
            .ToList() ?? current.HiringConditions);

    public static FieldErrors Validate(EmploymentFactsInput input, string prefix = "")
    {
        var errors = new FieldErrors();
        if (input.City is not null) Ids.Require(errors, input.City.Trim().ToLowerInvariant(), prefix + "city");
        if (input.PriorServiceMonths is { } prior) errors.Require(prior is >= 0 and <= 600, prefix + "priorServiceMonths", "must be 0 to 600");
        if (input.Kind is not null && !ContractKinds.All.Contains(input.Kind))
            errors.Add(prefix + "contract.kind", $"must be one of {string.Join(", ", ContractKinds.All)}");
        if (input.HiringConditions is { } conditions)
        {
            errors.Require(conditions.Count <= 20, prefix + "contract.hiringConditions", "must list at most 20 conditions");
            for (var i = 0; i < Math.Min(conditions.Count, 20); i++)
            {
                errors.RequireText(conditions[i].Text, $"{prefix}contract.hiringConditions[{i}].text", 500);
                if (conditions[i].Metric is { } metric && !Kpi.Metrics.IsKnown(metric))
                    errors.Add($"{prefix}contract.hiringConditions[{i}].metric", "is not a known metric");
                if (conditions[i].Target is <= 0) errors.Add($"{prefix}contract.hiringConditions[{i}].target", "must be greater than 0");
                errors.Require(conditions[i].Target is null || conditions[i].Metric is not null, $"{prefix}contract.hiringConditions[{i}].metric",
                    "is required with a target");
            }
        }
        return errors;
    }

    /// <summary>The facts as a whole, once merged: what one field alone cannot show.</summary>
    public static FieldErrors Check(EmploymentFacts f, DateOnly hiredOn, string prefix = "")
    {
        var errors = new FieldErrors();
        if (f.BirthDate is { } born)
        {
            // Art. 15 of the Labour Law: no one under 16 may be employed.
            errors.Require(born.AddYears(16) <= hiredOn, prefix + "birthDate", $"makes the employee younger than 16 on the hire date {hiredOn:yyyy-MM-dd}");
        }
        if (f.Gender == Gender.Female) errors.Require(f.RetirementCategory is not null, prefix + "retirementCategory",
            "is required for a woman (worker or cadre decides her statutory retirement age)");
        if (f.Gender == Gender.Male) errors.Require(f.RetirementCategory is null, prefix + "retirementCategory", "applies to women only");
        if (f.ContractKind == ContractKinds.FixedTerm) errors.Require(f.EndsOn is not null, prefix + "contract.endsOn", "is required for a fixed-term contract");
        if (f.ContractKind is ContractKinds.OpenEnded or ContractKinds.PartTime)
            errors.Require(f.EndsOn is null, prefix + "contract.endsOn", $"a {f.ContractKind} contract has no end date");
        if (f.StartsOn is { } starts && f.EndsOn is { } ends) errors.Require(ends >= starts, prefix + "contract.endsOn", "must not be before the contract starts");
        if (f.ProbationUntil is { } until)
        {
            if (ProbationLimits.Refusal(f.ContractKind, f.StartsOn ?? hiredOn, f.EndsOn, until) is { } why) errors.Add(prefix + "contract.probationUntil", why);
        }
        return errors;
    }
}
