using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Staff.Employment;

namespace EventHr.Domain.Staff;

/// <param name="OnDay">its business day in the brand's zone (older records: their UTC day)</param>
public sealed record Acknowledgement(string BrandId, string PostId, int StandardVersion, string Via, DateTimeOffset At, DateOnly? OnDay = null)
{
    public DateOnly Day => OnDay ?? DateOnly.FromDateTime(At.UtcDateTime);
}

public sealed record Protection(string Kind, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);
}

/// <summary>A monthly wage in force from a business date; the latest entry on or before a date applies.</summary>
public sealed record SalaryPeriod(DateOnly From, decimal MonthlySalary);

public sealed record PostPeriod(DateOnly From, string PostId);

/// <summary>An employee's state, folded from the employee stream.</summary>
/// <remarks><c>Id</c> is the stream key (document identity); <c>EmployeeId</c> the business id.</remarks>
public sealed record Employee(
    string Id, string EmployeeId, string Name, string BrandId, string Region, string Department, string PostId,
    string ManagerId, string HrId, DateOnly HiredOn, ContractTerms Contract,
    IReadOnlyList<SalaryPeriod> Salary, IReadOnlyList<Acknowledgement> Acknowledgements,
    IReadOnlyList<Protection> Protections, IReadOnlyList<PostPeriod> Posts, DateOnly? EndedOn = null, EmploymentFacts? Employment = null,
    DateTimeOffset? HiringConditionsAcknowledgedAt = null, string? EndedBy = null, IReadOnlyList<PayAgreementSigned>? PayAgreements = null,
    EmploymentEndPostponed? EndAwaitsStatus = null, DateOnly? HiringConditionsAcknowledgedOn = null)
{
    public Employee Apply(PayAgreementSigned e) => this with { PayAgreements = [.. PayAgreements ?? [], e] };

    /// <summary>The signed agreement a pay change names, if it is on record for that wage and signed by its effective date.</summary>
    public PayAgreementSigned? AgreementFor(string? reference, decimal newMonthlySalary, DateOnly effectiveOn) =>
        (PayAgreements ?? []).LastOrDefault(a => a.Reference == reference?.Trim() && a.NewMonthlySalary == newMonthlySalary && a.SignedOn <= effectiveOn);

    public decimal MonthlySalary => Salary[^1].MonthlySalary;

    /// <summary>The employment facts recorded so far (none for an employee hired before they were asked).</summary>
    public EmploymentFacts Facts => Employment ?? EmploymentFacts.None;

    public static Employee Create(EmployeeHired e) => new(StreamKeys.Employee(e.EmployeeId), e.EmployeeId, e.Name, e.BrandId, e.Region, e.Department,
        e.PostId, e.ManagerId, e.HrId, e.HiredOn, e.Contract, [new SalaryPeriod(e.HiredOn, e.MonthlySalary)], [], [],
        [new PostPeriod(e.HiredOn, e.PostId)], null, e.Employment);

    public Employee Apply(EmploymentFactsRecorded e) => this with { Employment = e.Employment };

    public Employee Apply(HiringConditionsAcknowledged e) => this with
    {
        HiringConditionsAcknowledgedAt = e.RecordedAt, HiringConditionsAcknowledgedOn = e.OnDay ?? DateOnly.FromDateTime(e.RecordedAt.UtcDateTime)
    };

    public Employee Apply(StandardAcknowledged e) =>
        this with { Acknowledgements = [.. Acknowledgements, new Acknowledgement(e.BrandId, e.PostId, e.StandardVersion, e.Via, e.RecordedAt, e.OnDay)] };

    public Employee Apply(ProtectionRecorded e) =>
        this with { Protections = [.. Protections, new Protection(e.Kind, e.From, e.To)] };

    public Employee Apply(PostChanged e) =>
        this with { PostId = e.ToPostId, Posts = [.. Posts, new PostPeriod(e.EffectiveOn, e.ToPostId)] };

    public Employee Apply(SalaryChanged e) =>
        this with { Salary = [.. Salary, new SalaryPeriod(e.EffectiveOn, e.NewMonthlySalary)] };

    public Employee Apply(EmploymentEnded e) => this with { EndedOn = e.EffectiveOn, EndedBy = e.Kind };

    /// <remarks>An open-ended status leaves the end waiting for it (<c>EndAwaitsStatus</c>) until its end date is recorded.</remarks>
    public Employee Apply(EmploymentEndPostponed e) => this with { EndedOn = e.NewEndOn, EndAwaitsStatus = e.NewEndOn is null ? e : null };

    /// <summary>A fact of the employment dated before it began is a typo or an attempt to rewrite history: it is refused.</summary>
    public FieldErrors? BeforeHire(DateOnly date, string field) =>
        date < HiredOn ? new FieldErrors().Add(field, $"is before the hire date {HiredOn:yyyy-MM-dd}") : null;

    /// <summary>Employed on a business day: hired by then and not yet gone (the last day of employment counts).</summary>
    public bool EmployedOn(DateOnly day) => EmploymentCalendar.Covers(HiredOn, EndedOn, day);

    public string PostOn(DateOnly date) => EmploymentCalendar.PostOn(Posts, date);

    /// <summary>What headcount and turnover read of the profile.</summary>
    public StaffPeriod Period() => new(EmployeeId, BrandId, Region, HiredOn, EndedOn, Posts);

    public bool IsProtectedOn(DateOnly date) => ProtectionsOn(date).Count > 0;

    /// <summary>The first day of service counted: the hire date, earlier by service with affiliated employers (Regs art. 10).</summary>
    public DateOnly ServiceFrom => HiredOn.AddMonths(-Facts.PriorServiceMonths);

    /// <summary>
    /// The art. 42 statuses in force on a day: those recorded, and art. 42(5) computed — at least 15 years' continuous
    /// service (with affiliated service) and less than 5 years before the statutory retirement date (G14).
    /// </summary>
    public IReadOnlyList<Protection> ProtectionsOn(DateOnly date)
    {
        var list = Protections.Where(p => p.Covers(date)).ToList();
        if (LongServiceNearRetirement() is { } computed && computed.Covers(date)) list.Add(computed);
        return list;
    }

    /// <summary>Art. 42(5) as a period: from the later of 15 years' service and 5 years before retirement, to the day before retirement.</summary>
    public Protection? LongServiceNearRetirement()
    {
        if (Facts.StatutoryRetirementOn is not { } retires) return null;
        var fifteenYears = ServiceFrom.AddYears(15);
        var fiveBefore = retires.AddYears(-5).AddDays(1);
        var from = fifteenYears > fiveBefore ? fifteenYears : fiveBefore;
        var to = retires.AddDays(-1);
        return from <= to ? new Protection(ProtectionKinds.LongServiceNearRetirement, from, to) : null;
    }

    public decimal MonthlySalaryOn(DateOnly date) => EmploymentCalendar.SalaryOn(Salary, date);

    /// <summary>What a day's department reports read of the profile.</summary>
    public RosterEntry Roster() => new(EmployeeId, Name, BrandId, Department, ManagerId, HiredOn, EndedOn, Posts, Salary);

    public bool HasAcknowledged(string brandId, string postId, int version) =>
        Acknowledgements.Any(a => a.BrandId == brandId && a.PostId == postId && a.StandardVersion == version);
}
