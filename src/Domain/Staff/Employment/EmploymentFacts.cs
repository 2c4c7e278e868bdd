using EventHr.Domain.Law;
using EventHr.Domain.Law.Retirement;

namespace EventHr.Domain.Staff.Employment;

/// <summary>The kinds of labour contract (arts. 12, 68, 15 of the Labour Contract Law), as the API names them.</summary>
public static class ContractKinds
{
    public const string FixedTerm = "fixed-term";
    public const string OpenEnded = "open-ended";
    public const string PartTime = "part-time";
    public const string PerTask = "per-task";
    public static readonly IReadOnlyList<string> All = [FixedTerm, OpenEnded, PartTime, PerTask];
}

/// <summary>What was communicated at hire as a condition of employment (art. 21, art. 39(1)): a metric and target, or words.</summary>
public sealed record HiringCondition(string? Metric, decimal? Target, string Text,
    Standards.TargetDirection Direction = Standards.TargetDirection.AtLeast);

/// <summary>
/// The facts of a person and a contract the guards need (G6, G9, G14–G16): who the person is for the retirement age, the
/// employer's city whose wages apply, service with affiliated employers, and the contract's kind, term and probation.
/// Recorded at hire and corrected by later events; each decision reads them as they stood on its date.
/// </summary>
public sealed record EmploymentFacts(
    DateOnly? BirthDate = null, Gender? Gender = null, RetirementCategory? RetirementCategory = null, string? City = null,
    int PriorServiceMonths = 0, string? ContractKind = null, DateOnly? StartsOn = null, DateOnly? EndsOn = null,
    DateOnly? ProbationUntil = null, IReadOnlyList<HiringCondition>? HiringConditions = null)
{
    public static readonly EmploymentFacts None = new();

    /// <summary>G14: the statutory retirement date, when birth date and gender (and a woman's category) are known.</summary>
    public DateOnly? StatutoryRetirementOn => BirthDate is { } born && Gender is { } g && (g == Law.Retirement.Gender.Male || RetirementCategory is not null)
        ? StatutoryRetirement.On(born, g, RetirementCategory)
        : null;
}

/// <summary>Art. 19: how long a probation may be, by the contract's kind and term.</summary>
public static class ProbationLimits
{
    /// <summary>The longest probation in months (0: none allowed), or null when the term is not known.</summary>
    public static int? MaxMonths(string? kind, DateOnly startsOn, DateOnly? endsOn) => kind switch
    {
        ContractKinds.PartTime or ContractKinds.PerTask => 0,          // arts. 19(3), 70
        ContractKinds.OpenEnded => 6,
        ContractKinds.FixedTerm when endsOn is { } end => Term(startsOn, end) switch
        {
            < 3 => 0,
            < 12 => 1,
            < 36 => 2,
            _ => 6
        },
        _ => null
    };

    /// <summary>Why a probation is not allowed, or null.</summary>
    public static string? Refusal(string? kind, DateOnly startsOn, DateOnly? endsOn, DateOnly probationUntil)
    {
        if (probationUntil < startsOn) return "must not be before the contract starts";
        if (MaxMonths(kind, startsOn, endsOn) is not { } max) return "needs the contract's kind (and, for a fixed term, its end) to be checked against art. 19";
        if (max == 0) return $"a {kind} contract{(kind == ContractKinds.FixedTerm ? " of under three months" : "")} has no probation (art. 19)";
        return probationUntil > startsOn.AddMonths(max).AddDays(-1)
            ? $"is longer than the {max} month(s) art. 19 allows for this contract (at most until {startsOn.AddMonths(max).AddDays(-1):yyyy-MM-dd})"
            : null;
    }

    /// <summary>The contract's term in whole months, its last day counted.</summary>
    private static int Term(DateOnly startsOn, DateOnly endsOn)
    {
        var s = ServiceLength.Worked(startsOn, endsOn);
        return s.Years * 12 + s.Months;
    }
}
